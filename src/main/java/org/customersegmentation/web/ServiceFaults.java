package org.customersegmentation.web;

import java.io.IOException;
import java.util.Locale;
import org.customersegmentation.postgres.DatabaseFaults;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * Failures of the service's own resources rather than of the request, each a retryable 503 that names the cause
 * and says that nothing was stored: the database connection (see {@link DatabaseFaults}) and a full temporary disk.
 */
public final class ServiceFaults {

    /** What a 503 for a fault of ours tells the caller to wait, in seconds. */
    public static final long RETRY_AFTER_SECONDS = 5;

    private static final int MAX_DEPTH = 32;

    private ServiceFaults() {
    }

    /** The 503 problem for this failure, or null when it is not one of ours. */
    public static ProblemDetail problemFor(Throwable failure) {
        if (DatabaseFaults.isConnectionFault(failure)) {
            return databaseUnavailable();
        }
        if (isDiskFull(failure)) {
            return ProblemTypes.problem(HttpStatus.SERVICE_UNAVAILABLE, "Server storage full", "The service has no "
                    + "temporary disk space left to handle the request; nothing was stored. Try again later.");
        }
        return null;
    }

    static ProblemDetail databaseUnavailable() {
        return ProblemTypes.problem(HttpStatus.SERVICE_UNAVAILABLE, "Database unavailable", "The service cannot reach "
                + "its database at the moment; nothing was stored. Try again shortly.");
    }

    /** ENOSPC, as the JDK reports it on Linux and macOS: an IOException whose message says so. */
    static boolean isDiskFull(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < MAX_DEPTH; depth++, cause = cause.getCause()) {
            if (cause instanceof IOException && cause.getMessage() != null
                    && cause.getMessage().toLowerCase(Locale.ROOT).contains("no space left on device")) {
                return true;
            }
        }
        return false;
    }
}
