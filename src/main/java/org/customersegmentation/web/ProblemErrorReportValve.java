package org.customersegmentation.web;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Tomcat's answer to requests it refuses before any servlet runs (headers over 8 KB, a request line over 8 KB,
 * control characters in headers, %00, %2F or %5C in the path), as a problem instead of Tomcat's HTML page. The
 * body is written by hand: nothing of the application is reachable this early.
 */
final class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        // the same guards as Tomcat's own report: only errors, only when nothing was written or reported yet
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        String title = known != null ? known.getReasonPhrase() : "Error";
        String body = "{\"type\":\"" + ProblemTypes.forTitle(title) + "\",\"title\":\"" + title + "\",\"status\":"
                + status + ",\"detail\":\"" + detail(status, throwable) + "\"}";
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response cannot be written any more: nothing left to tell anyone
        }
    }

    /** In the caller's terms; constant strings, so that nothing needs escaping. */
    static String detail(int status, Throwable throwable) {
        String cause = throwable == null || throwable.getMessage() == null ? "" : throwable.getMessage();
        return switch (status) {
            case 400 -> cause.contains("too large")
                    ? "The request's headers are too large: send at most 8 KB of headers in all."
                    : "The request was refused before it reached the API because its request line, URL or headers "
                            + "are malformed. Check that the request line is under 8 KB, the headers under 8 KB in "
                            + "all and free of control characters, and the URL path free of encoded NUL, slash or "
                            + "backslash (%00, %2F, %5C).";
            case 413 -> "The request is too large for the service to accept.";
            case 414 -> "The request line is too long: keep the URL and its query under 8 KB.";
            case 431 -> "The request's headers are too large: send at most 8 KB of headers in all.";
            default -> status < 500
                    ? "The request was refused before it reached the API (" + status + "): check the URL and headers."
                    : "The service failed to handle the request. Please try again later.";
        };
    }
}
