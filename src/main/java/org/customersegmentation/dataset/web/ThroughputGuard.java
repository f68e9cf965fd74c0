package org.customersegmentation.dataset.web;

import java.io.InputStream;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.customersegmentation.common.UploadTooSlowException;
import org.springframework.util.unit.DataSize;

/**
 * Abandons an upload that arrives more slowly than {@code minimum} per second, averaged over each {@code window}
 * of it: such a client would hold an upload slot, and the database connection that goes with it, for as long as it
 * pleased. Checked as the body is read, on the bytes as they come over the network.
 */
final class ThroughputGuard extends CountingInputStream {

    private final DataSize minimum;
    private final Duration window;
    private final LongSupplier nanoTime;
    private long windowStart;
    private long read;
    private long readAtWindowStart;

    ThroughputGuard(InputStream in, DataSize minimum, Duration window, LongSupplier nanoTime) {
        super(in);
        this.minimum = minimum;
        this.window = window;
        this.nanoTime = nanoTime;
        this.windowStart = nanoTime.getAsLong();
    }

    @Override
    void counted(int n) {
        read += n;
        long now = nanoTime.getAsLong();
        long elapsed = now - windowStart;
        if (elapsed < window.toNanos()) {
            return;
        }
        double bytesPerSecond = (read - readAtWindowStart) * 1e9 / elapsed;
        if (bytesPerSecond < minimum.toBytes()) {
            throw new UploadTooSlowException(String.format(Locale.ROOT, "The upload arrived at %,.0f bytes "
                    + "per second over the last %d seconds, below the %d KB per second this service needs "
                    + "(segmentation.upload.min-throughput); it was abandoned and nothing was stored. Send it again "
                    + "over a faster connection, or gzip-compressed.", bytesPerSecond, window.toSeconds(),
                    minimum.toKilobytes()));
        }
        windowStart = now;
        readAtWindowStart = read;
    }
}
