package org.customersegmentation.dataset;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.customersegmentation.web.InvalidRequestException;

/**
 * Recognises a gzip body by its magic bytes, whether the request said {@code Content-Encoding: gzip} or the
 * file was a {@code .csv.gz} sent as is, and decompresses it as it is read.
 */
final class Decompression {

    private Decompression() {
    }

    static InputStream decode(InputStream body) {
        BufferedInputStream in = new BufferedInputStream(body, 1 << 16);
        try {
            in.mark(2);
            boolean gzip = in.read() == 0x1f && in.read() == 0x8b;
            in.reset();
            return gzip ? new CheckedGzip(in) : in;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Answers a corrupt gzip stream with a 400 rather than an I/O failure. */
    private static final class CheckedGzip extends GZIPInputStream {

        CheckedGzip(InputStream in) throws IOException {
            super(in, 1 << 16);
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            try {
                return super.read(buffer, offset, length);
            } catch (ZipException e) {
                throw new InvalidRequestException("Invalid gzip", "The body starts like gzip but is not valid gzip: "
                        + e.getMessage() + ".");
            }
        }
    }
}
