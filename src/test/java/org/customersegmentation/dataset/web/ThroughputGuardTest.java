package org.customersegmentation.dataset.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.customersegmentation.common.UploadTooSlowException;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** The speed is averaged over each window, on a clock the test turns: 64 KB/s over 30 s is 1,966,080 bytes. */
class ThroughputGuardTest {

    final AtomicLong now = new AtomicLong();
    final ThroughputGuard guard = new ThroughputGuard(new ByteArrayInputStream(new byte[10_000_000]),
            DataSize.ofKilobytes(64), Duration.ofSeconds(30), now::get);

    @Test
    void enoughBytesInEachWindowPass() throws IOException {
        guard.readNBytes(1_966_080);
        now.set(Duration.ofSeconds(30).toNanos());
        guard.read();                   // window 1 ends: 1,966,081 bytes in 30 s, just over 64 KB/s
        guard.readNBytes(1_966_080);
        now.set(Duration.ofSeconds(60).toNanos());
        assertThat(guard.read()).as("window 2, likewise").isGreaterThanOrEqualTo(0);
    }

    @Test
    void tooFewBytesWhenAWindowEndsAbandonTheUpload() throws IOException {
        guard.readNBytes(1_000_000);
        now.set(Duration.ofSeconds(30).toNanos());

        assertThatThrownBy(guard::read).isInstanceOf(UploadTooSlowException.class)
                .hasMessageStartingWith("The upload arrived at 33,333 bytes per second over the last 30 seconds, below "
                        + "the 64 KB per second");
    }

    @Test
    void nothingIsJudgedBeforeAWholeWindowHasPassed() throws IOException {
        now.set(Duration.ofSeconds(29).toNanos());
        assertThat(guard.read()).isGreaterThanOrEqualTo(0);
    }
}
