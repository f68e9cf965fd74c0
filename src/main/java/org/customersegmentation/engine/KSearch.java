package org.customersegmentation.engine;

import java.util.List;

/** How k was chosen from a range: the method, and every candidate tried, by k. */
public record KSearch(KSelection method, List<Candidate> candidates) {
}
