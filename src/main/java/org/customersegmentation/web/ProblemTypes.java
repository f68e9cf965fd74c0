package org.customersegmentation.web;

import java.net.URI;
import java.util.Locale;

/**
 * Problem {@code type} URIs (RFC 9457). They are tag URIs (RFC 4151): stable identifiers a client can switch on,
 * which do not pretend to be web pages. Problems with no meaning beyond their HTTP status use about:blank.
 */
public final class ProblemTypes {

    public static final URI ABOUT_BLANK = URI.create("about:blank");
    private static final String PREFIX = "tag:customer-segmentation,2026:problem:";

    private ProblemTypes() {
    }

    /** {@code "Invalid CSV"} becomes {@code tag:customer-segmentation,2026:problem:invalid-csv}. */
    public static URI forTitle(String title) {
        return URI.create(PREFIX + title.toLowerCase(Locale.ROOT).trim().replaceAll("[^a-z0-9]+", "-"));
    }
}
