package org.customersegmentation.dataset.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NumericSpillTest {

    @Test
    void columnsReadBackAcrossBlocksAndAWideningLeavesEarlierRowsNaN() {
        int rows = 1_500_000; // more than one block of 2 columns (2^20 values)
        try (NumericSpill spill = new NumericSpill(2)) {
            for (int i = 0; i < rows; i++) {
                spill.add(i < 1_000_000 ? new double[] {i, -i} : new double[] {i, -i, i * 0.5});
            }

            double[] first = spill.column(0);
            double[] third = spill.column(2);
            assertThat(first).hasSize(rows);
            for (int i = 0; i < rows; i += 99_991) {
                assertThat(first[i]).isEqualTo(i);
                if (i < 1_000_000) {
                    assertThat(third[i]).isNaN();
                } else {
                    assertThat(third[i]).isEqualTo(i * 0.5);
                }
            }
            assertThat(first[rows - 1]).isEqualTo(rows - 1);

            List<Integer> widths = new ArrayList<>();
            long[] seen = {0};
            spill.forEachBlock((values, columns, blockRows) -> {
                widths.add(columns);
                assertThat(values[blockRows]).isEqualTo(-values[0]); // column 1 of the block's first row
                seen[0] += blockRows;
            });
            assertThat(seen[0]).isEqualTo(rows);
            assertThat(widths).startsWith(2).endsWith(3);
        }
    }
}
