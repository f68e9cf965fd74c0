package org.customersegmentation.web;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * What a field of a JSON body, or a request parameter, should have held, in the caller's terms rather than
 * Jackson's, Spring's or Java's.
 */
final class JsonFieldErrors {

    private JsonFieldErrors() {
    }

    static String describe(String field, DatabindException e) {
        Class<?> target = e instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
        String expected = target == null ? null : expected(target);
        return expected == null
                ? "Field '" + field + "' has a value this operation cannot read; see the API description for its type."
                : "Field '" + field + "' must be " + expected + ".";
    }

    /** For a query or path parameter Spring could not convert. */
    static String describeParameter(String name, Class<?> type, Object value) {
        boolean many = type != null && (type.isArray() || Collection.class.isAssignableFrom(type));
        if (value instanceof String[] values && values.length > 1 && !many) {
            return "Parameter '" + name + "' must be given once, not " + values.length + " times.";
        }
        String expected = type == null ? null : expected(type);
        return expected == null
                ? "Parameter '" + name + "' has a value this operation cannot read; see the API description for its type."
                : "Parameter '" + name + "' must be " + expected + ".";
    }

    private static String expected(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(constant -> ((Enum<?>) constant).name())
                    .collect(Collectors.joining(", "));
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class
                || type == short.class || type == Short.class || type == BigInteger.class) {
            return "a whole number";
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class
                || type == BigDecimal.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class || type == char.class || type == Character.class) {
            return "a string";
        }
        if (type == UUID.class) {
            return "a UUID such as 3f2c9a4e-1d2b-4c5e-8f90-0a1b2c3d4e5f";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "an ISO-8601 date-time such as 2026-01-31T12:00:00Z";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "a JSON object";
        }
        return null;
    }
}
