package org.customersegmentation.postgres;

/**
 * How many connections each pool holds at most, for modules that hold connections for long to check their own
 * limits against at start-up.
 *
 * @param requests   the pool HTTP requests use ({@code spring.datasource.hikari.maximum-pool-size})
 * @param background the pool everything else uses ({@code segmentation.database.background.maximum-pool-size})
 */
public record PoolSizes(int requests, int background) {
}
