package org.customersegmentation.dataset.web;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** A stream that is told, after every read, how many bytes it gave: where an upload's limits are checked. */
abstract class CountingInputStream extends FilterInputStream {

    CountingInputStream(InputStream in) {
        super(in);
    }

    /** Called after every read, with the bytes it gave (0 at the end); may throw to stop the upload. */
    abstract void counted(int bytes);

    @Override
    public final int read() throws IOException {
        int b = super.read();
        counted(b < 0 ? 0 : 1);
        return b;
    }

    @Override
    public final int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        counted(Math.max(n, 0));
        return n;
    }
}
