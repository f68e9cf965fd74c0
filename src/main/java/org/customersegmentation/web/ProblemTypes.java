package org.customersegmentation.web;

import java.net.URI;
import java.util.Locale;

/**
 * Problem {@code type} URIs (RFC 9457), one per title. They are tag URIs (RFC 4151): stable identifiers a client
 * can switch on, which do not pretend to be web pages. Every problem carries one, because a serialized
 * about:blank is left out of the JSON and callers look for the member.
 */
public final class ProblemTypes {

    static final URI ABOUT_BLANK = URI.create("about:blank");
    private static final String PREFIX = "tag:customer-segmentation,2026:problem:";

    private ProblemTypes() {
    }

    /** {@code "Invalid CSV"} becomes {@code tag:customer-segmentation,2026:problem:invalid-csv}. */
    public static URI forTitle(String title) {
        return URI.create(PREFIX + title.toLowerCase(Locale.ROOT).trim().replaceAll("[^a-z0-9]+", "-"));
    }
}
