package org.customersegmentation.engine.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.customersegmentation.engine.SegmentProfile.Trait;
import org.junit.jupiter.api.Test;

class SegmentLabelerTest {

    static final List<String> FEATURES = List.of("a", "b", "c", "d");

    /** One numeric trait per feature, with the given z-scores. */
    static List<Trait> numeric(double... z) {
        return IntStream.range(0, z.length).mapToObj(j -> new Trait(FEATURES.get(j), null, z[j], 0, 0)).toList();
    }

    static List<String> names(List<Trait> traits) {
        return traits.stream().map(Trait::name).toList();
    }

    static List<String> labels(List<Trait>... segments) {
        return SegmentLabeler.labels(List.of(segments).stream().map(SegmentLabeler::distinguishing).toList());
    }

    @Test
    void theStrongestDistinguishingFeaturesNameASegmentWithTheirDirection() {
        List<Trait> traits = numeric(2, -1, 0.1, 0.7);

        assertThat(names(SegmentLabeler.distinguishing(traits))).containsExactly("a", "b", "d");
        assertThat(labels(traits)).containsExactly("High a · Low b · High d");
    }

    @Test
    void withoutAStrongTraitTheThreeStrongestMildOnesAreKeptAndSaySo() {
        List<Trait> distinguishing = SegmentLabeler.distinguishing(numeric(0.3, -0.49, 0.2, 0.25));

        assertThat(names(distinguishing)).containsExactly("b", "a", "d");
        assertThat(distinguishing).allMatch(Trait::mild);
        assertThat(labels(numeric(0.3, -0.49, 0.2, 0.25)))
                .containsExactly("Slightly low b · Slightly high a · Slightly high d");
    }

    @Test
    void mildTraitsStayOutWhenAStrongOneSetsTheSegmentApart() {
        assertThat(names(SegmentLabeler.distinguishing(numeric(0.3, -0.49, 0.5, 0)))).containsExactly("c");
    }

    @Test
    void onlyASegmentWithNothingAtLeastAFifthOfAStandardDeviationOffIsTypical() {
        assertThat(labels(numeric(0.19, -0.19, 0, 0.1))).containsExactly(SegmentLabeler.TYPICAL);
    }

    @Test
    void aCategoricalValueDistinguishesOnlyByBeingOverRepresented() {
        List<Trait> traits = List.of(new Trait("region", "north", -0.9, 0.1, 0.5),
                new Trait("region", "south", 0.6, 0.8, 0.5));

        assertThat(names(SegmentLabeler.distinguishing(traits))).containsExactly("region=south");
    }

    @Test
    void collidingLabelsTakeMoreFeaturesAndThenTheSegmentNumber() {
        assertThat(labels(numeric(2, -1, 0.6, 0), numeric(1.8, -0.9, 0.7, -0.55), numeric(1.8, -0.9, 0.7, 0)))
                .containsExactly(
                        "High a · Low b · High c (segment 0)",
                        "High a · Low b · High c · Low d",
                        "High a · Low b · High c (segment 2)");
    }
}
