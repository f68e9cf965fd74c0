package org.customersegmentation.engine.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SegmentLabelerTest {

    static final List<String> FEATURES = List.of("a", "b", "c", "d");

    @Test
    void theStrongestDistinguishingFeaturesNameASegmentWithTheirDirection() {
        double[] z = {2, -1, 0.1, 0.7};

        assertThat(SegmentLabeler.distinguishing(FEATURES, FEATURES.size(), z)).containsExactly("a", "b", "d");
        assertThat(SegmentLabeler.labels(FEATURES, FEATURES.size(), List.of(z))).containsExactly("High a · Low b · High d");
    }

    @Test
    void aSegmentWithNothingDistinguishingIsTypical() {
        assertThat(SegmentLabeler.labels(FEATURES, FEATURES.size(), List.of(new double[] {0.4, -0.49, 0, 0.1})))
                .containsExactly(SegmentLabeler.TYPICAL);
    }

    @Test
    void collidingLabelsTakeMoreFeaturesAndThenTheSegmentNumber() {
        double[] first = {2, -1, 0.6, 0};
        double[] second = {1.8, -0.9, 0.7, -0.55};
        double[] third = {1.8, -0.9, 0.7, 0};

        assertThat(SegmentLabeler.labels(FEATURES, FEATURES.size(), List.of(first, second, third))).containsExactly(
                "High a · Low b · High c (segment 0)",
                "High a · Low b · High c · Low d",
                "High a · Low b · High c (segment 2)");
    }
}
