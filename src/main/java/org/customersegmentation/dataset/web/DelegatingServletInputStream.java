package org.customersegmentation.dataset.web;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.IOException;
import java.io.InputStream;

/** A blocking servlet stream over another stream, for handing a decompressed body to a servlet-level parser. */
final class DelegatingServletInputStream extends ServletInputStream {

    private final InputStream in;
    private boolean finished;

    DelegatingServletInputStream(InputStream in) {
        this.in = in;
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        finished = b < 0;
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = in.read(buffer, offset, length);
        finished = n < 0;
        return n;
    }

    @Override
    public boolean isFinished() {
        return finished;
    }

    @Override
    public boolean isReady() {
        return true;
    }

    @Override
    public void setReadListener(ReadListener listener) {
        throw new UnsupportedOperationException("blocking reads only");
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
