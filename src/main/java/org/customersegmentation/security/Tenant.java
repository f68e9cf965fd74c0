package org.customersegmentation.security;

/** The owner of datasets and jobs: every API key belongs to exactly one tenant. */
public record Tenant(String id) {
}
