package org.customersegmentation.dataset.web;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PushbackInputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.customersegmentation.common.InvalidInputException;
import org.customersegmentation.common.UploadInterruptedException;
import org.springframework.util.unit.DataSize;

/**
 * Recognises a gzip body by its magic bytes, whether the request said {@code Content-Encoding: gzip} or the
 * file was a {@code .csv.gz} sent as is. A gzip body is received into a temporary file first, and inflated once
 * only to measure it: a body that inflates past the size limit (a gzip bomb) is refused in the time it takes to
 * inflate the limit, before anything reaches the database and without holding a database connection while the
 * client sends it. Only then is it inflated again, as the upload reads it.
 */
public final class Decompression {

    private static final int BUFFER = 1 << 16;

    private Decompression() {
    }

    /** @param limit the most the body may hold once inflated */
    public static InputStream decode(InputStream body, DataSize limit) {
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
        Path received = receive(new SizeLimitedInputStream(in, limit));
        try {
            try (InputStream inflated = new SizeLimitedInputStream(inflate(received), limit)) {
                inflated.transferTo(OutputStream.nullOutputStream());
            }
            return inflate(received, StandardOpenOption.DELETE_ON_CLOSE);
        } catch (ZipException | EOFException e) {
            delete(received);
            throw invalid(e);
        } catch (IOException e) {
            delete(received);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            delete(received);
            throw e;
        }
    }

    /** The body as sent, in a temporary file: a failure to read is the client's, a failure to write the disk's. */
    private static Path receive(InputStream body) {
        Path file;
        try {
            file = Files.createTempFile("upload-", ".gz");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[BUFFER];
            for (int n = read(body, buffer); n >= 0; n = read(body, buffer)) {
                out.write(buffer, 0, n);
            }
            return file;
        } catch (IOException e) {
            delete(file);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            delete(file);
            throw e;
        }
    }

    private static int read(InputStream body, byte[] buffer) {
        try {
            return body.read(buffer);
        } catch (IOException e) {
            throw new UploadInterruptedException(e);
        }
    }

    private static InputStream inflate(Path file, StandardOpenOption... options) throws IOException {
        InputStream compressed = Files.newInputStream(file, options);
        try {
            return new CheckedGzip(compressed);
        } catch (IOException | RuntimeException e) {
            compressed.close();
            throw e;
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a temporary file; the operating system cleans its temporary directory
        }
    }

    private static InvalidInputException invalid(IOException e) {
        // an EOFException has no message, and a ZipException's ("invalid block type") is zlib's, not the caller's
        return new InvalidInputException("Invalid gzip", "The body starts like gzip (bytes 1f 8b) but is not valid "
                + "gzip" + (e instanceof EOFException ? ": it ends inside the gzip data" : "") + ". Send the file "
                + "exactly as gzip wrote it, or uncompressed.");
    }

    /** Answers a corrupt gzip stream, or one cut short, with a 400 rather than an I/O failure. */
    private static final class CheckedGzip extends GZIPInputStream {

        CheckedGzip(InputStream compressed) throws IOException {
            super(compressed, BUFFER);
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            try {
                return super.read(buffer, offset, length);
            } catch (ZipException | EOFException e) {
                throw invalid(e);
            }
        }
    }
}
