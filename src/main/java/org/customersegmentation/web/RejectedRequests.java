package org.customersegmentation.web;

import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.firewall.RequestRejectedException;

/**
 * Spring Security's firewall refuses URLs as a request comes in, and header values and parameter names only when
 * something reads them, which may be a controller. Either way the caller gets the same 400 problem.
 */
public final class RejectedRequests {

    private static final String PREFIX = "The request was rejected because ";

    private RejectedRequests() {
    }

    public static ProblemDetail problem(RequestRejectedException e) {
        return ProblemTypes.problem(HttpStatus.BAD_REQUEST, "Request rejected", detail(e.getMessage()));
    }

    static String detail(String message) {
        String reason = message == null ? "" : message.strip();
        if (reason.startsWith(PREFIX)) {
            reason = reason.substring(PREFIX.length());
        }
        reason = reason.endsWith(".") ? reason.substring(0, reason.length() - 1) : reason;
        String lower = reason.toLowerCase(Locale.ROOT);
        String fix;
        if (lower.contains("header")) {
            fix = "Send header names and values without control characters.";
        } else if (lower.contains("parameter")) {
            fix = "Send query-parameter names and values without control characters.";
        } else {
            fix = "To fix it, check the URL: send it normalized, without ';', encoded slashes or backslashes, '%25', or control "
                    + "characters.";
        }
        return reason.isEmpty() ? "The request was refused. " + fix : "The request was refused: " + reason + ". " + fix;
    }
}
