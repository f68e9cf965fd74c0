package org.customersegmentation.security;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a key or token may do. Reading is every GET; writing is every call that creates or changes something
 * (upload, start, cancel, predict, rename); deleting is every DELETE.
 */
public enum Scope {
    READ("segmentation:read"),
    WRITE("segmentation:write"),
    DELETE("segmentation:delete");

    private final String value;

    Scope(String value) {
        this.value = value;
    }

    /** As keys and tokens carry it, e.g. {@code segmentation:read}. */
    public String value() {
        return value;
    }

    /** The authority Spring Security checks, e.g. {@code SCOPE_segmentation:read}. */
    public String authority() {
        return "SCOPE_" + value;
    }

    public static Optional<Scope> of(String value) {
        return Arrays.stream(values()).filter(scope -> scope.value.equals(value)).findFirst();
    }

    /** What a request of this HTTP method needs. */
    public static Scope neededFor(String method) {
        return switch (method) {
            case "GET", "HEAD", "OPTIONS" -> READ;
            case "DELETE" -> DELETE;
            default -> WRITE;
        };
    }
}
