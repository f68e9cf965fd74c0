package org.customersegmentation.segmentation.job;

/**
 * What a job holds in the heap at its peak, estimated per customer: each dimension's value twice (as read and as
 * scaled, in arrays of a few more bytes each), each candidate k's assignment and distance, and the customer's ID
 * and final assignment. The constants come from the live heap measured after collections while jobs ran on
 * 1,000,000 customers: 333 bytes a customer with 10 dimensions and 503 with 17, both k 2 to 10 (docs/scaling.md);
 * the estimate is a fifth above those.
 *
 * @param candidates the k fitted: 1 for a fixed k, else the size of the k range
 */
record WorkingSet(long customers, int dimensions, int candidates) {

    static final int BYTES_PER_CUSTOMER = 64;
    static final int BYTES_PER_DIMENSION = 24;
    static final int BYTES_PER_CANDIDATE = 12;

    long bytes() {
        return customers * (BYTES_PER_CUSTOMER + (long) BYTES_PER_DIMENSION * dimensions
                + (long) BYTES_PER_CANDIDATE * candidates);
    }
}
