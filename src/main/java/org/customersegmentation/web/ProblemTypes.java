package org.customersegmentation.web;

import java.net.URI;
import java.util.Locale;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

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

    /** A problem whose type follows from its title, so that one title always means one type. */
    public static ProblemDetail problem(HttpStatusCode status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(forTitle(title));
        return problem;
    }

    /** {@code "Invalid CSV"} becomes {@code tag:customer-segmentation,2026:problem:invalid-csv}. */
    public static URI forTitle(String title) {
        return URI.create(PREFIX + title.toLowerCase(Locale.ROOT).trim().replaceAll("[^a-z0-9]+", "-"));
    }
}
