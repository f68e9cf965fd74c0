package org.customersegmentation.result;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.customersegmentation.engine.SegmentMatching;
import org.junit.jupiter.api.Test;

class SegmentKeysTest {

    final List<SegmentKeys.Earlier> earlier = List.of(
            new SegmentKeys.Earlier("S1", "High income", "the old label, given as a name", List.of("vip")),
            new SegmentKeys.Earlier("S2", null, null, List.of()),
            new SegmentKeys.Earlier("S3", null, null, List.of()));

    @Test
    void matchedSegmentsKeepKeyAndNameAndNewOnesTakeTheNextKeyOfTheChain() {
        // new segment 0 continues S3, 1 continues S1, 2 is new; S2 retires; the chain had handed out up to S5
        var keys = SegmentKeys.refresh(UUID.randomUUID(), new SegmentMatching.Match(new int[] {2, 0, -1},
                new double[] {0.1, 0.2, Double.NaN}), earlier, 5);

        assertThat(keys.segments()).extracting(SegmentKeys.Carried::key).containsExactly("S3", "S1", "S6");
        assertThat(keys.segments().get(1).customName()).isEqualTo("High income");
        assertThat(keys.segments().get(1).tags()).containsExactly("vip");
        assertThat(keys.newKeys()).containsExactly("S6");
        assertThat(keys.retiredKeys()).containsExactly("S2");
        assertThat(keys.highestKey()).isEqualTo(6);
    }

    @Test
    void anAutomaticLabelThatACarriedNameTakesGetsItsSegmentNumber() {
        var keys = SegmentKeys.refresh(UUID.randomUUID(), new SegmentMatching.Match(new int[] {2, 0, -1},
                new double[] {0.1, 0.2, Double.NaN}), earlier, 5);

        assertThat(keys.label(2, "HIGH INCOME")).isEqualTo("HIGH INCOME (segment 2)");
        assertThat(keys.label(0, "Low age")).isEqualTo("Low age");
        assertThat(keys.label(1, "High income")).isEqualTo("High income"); // its own: the name stands in for it
    }
}
