package org.customersegmentation.dataset.web;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.customersegmentation.common.ContentTooLargeException;
import org.springframework.util.unit.DataSize;

/** Stops reading an upload as soon as it passes the configured size, so no oversized body is ever held. */
public final class SizeLimitedInputStream extends FilterInputStream {

    private final DataSize limit;
    private long read;

    public SizeLimitedInputStream(InputStream in, DataSize limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    private void count(int n) {
        read += n;
        if (read > limit.toBytes()) {
            throw new ContentTooLargeException("The upload is larger than the " + limit.toMegabytes()
                    + " MB this service accepts (segmentation.upload.max-size).");
        }
    }
}
