package org.customersegmentation.security;

/** The owner of datasets and jobs: every API key, and every bearer token through its claim, acts for exactly one. */
public record Tenant(String id) {

    /** What a tenant's name may be, where a caller names one (the operator API). */
    public static final String PATTERN = "[A-Za-z0-9._-]{1,64}";
    public static final int MAX_LENGTH = 64;
}
