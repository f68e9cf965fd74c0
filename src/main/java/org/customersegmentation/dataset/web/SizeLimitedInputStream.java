package org.customersegmentation.dataset.web;

import java.io.InputStream;
import org.customersegmentation.common.ContentTooLargeException;
import org.springframework.util.unit.DataSize;

/** Stops reading an upload as soon as it passes the configured size, so no oversized body is ever held. */
public final class SizeLimitedInputStream extends CountingInputStream {

    private final DataSize limit;
    private long read;

    public SizeLimitedInputStream(InputStream in, DataSize limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    void counted(int n) {
        read += n;
        if (read > limit.toBytes()) {
            throw new ContentTooLargeException("The upload is larger than the " + limit.toMegabytes()
                    + " MB this service accepts (segmentation.upload.max-size).");
        }
    }
}
