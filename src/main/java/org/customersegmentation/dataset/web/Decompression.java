package org.customersegmentation.dataset.web;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.customersegmentation.common.InvalidInputException;
import org.customersegmentation.common.UploadInterruptedException;

/**
 * Recognises a gzip body by its magic bytes, whether the request said {@code Content-Encoding: gzip} or the
 * file was a {@code .csv.gz} sent as is, and decompresses it as it is read.
 */
public final class Decompression {

    private Decompression() {
    }

    public static InputStream decode(InputStream body) {
        // not a BufferedInputStream: its reads keep going while available() > 0, and may block on a trickling client
        PushbackInputStream in = new PushbackInputStream(body, 2);
        boolean gzip;
        try {
            byte[] magic = in.readNBytes(2);
            gzip = magic.length == 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b;
            in.unread(magic);
        } catch (IOException e) {
            throw new UploadInterruptedException(e);
        }
        if (!gzip) {
            return in;
        }
        try {
            return new CheckedGzip(new EndAware(in));
        } catch (ZipException | EOFException e) {
            throw invalid(e);
        } catch (IOException e) {
            throw new UploadInterruptedException(e);
        }
    }

    private static InvalidInputException invalid(IOException e) {
        // an EOFException has no message, and a ZipException's ("invalid block type") is zlib's, not the caller's
        return new InvalidInputException("Invalid gzip", "The body starts like gzip (bytes 1f 8b) but is not valid "
                + "gzip" + (e instanceof EOFException ? ": it ends inside the gzip data" : "") + ". Send the file "
                + "exactly as gzip wrote it, or uncompressed.");
    }

    /** Answers a corrupt gzip stream with a 400 rather than an I/O failure. */
    private static final class CheckedGzip extends GZIPInputStream {

        private final EndAware body;

        CheckedGzip(EndAware body) throws IOException {
            super(body, 1 << 16);
            this.body = body;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            try {
                return super.read(buffer, offset, length);
            } catch (ZipException e) {
                throw invalid(e);
            } catch (EOFException e) {
                // the body ended where it said it would, but the gzip data had not: a truncated file, not a lost client
                if (body.ended) {
                    throw invalid(e);
                }
                throw e;
            }
        }
    }

    /** Notes whether the body came to its end, as opposed to failing before it. */
    private static final class EndAware extends FilterInputStream {

        private boolean ended;

        EndAware(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            ended |= b < 0;
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            ended |= n < 0;
            return n;
        }
    }
}
