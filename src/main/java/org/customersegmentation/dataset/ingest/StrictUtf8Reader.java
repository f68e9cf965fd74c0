package org.customersegmentation.dataset.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.customersegmentation.common.UploadInterruptedException;

/**
 * Decodes UTF-8 and rejects the first malformed byte sequence with the line it is on, instead of silently
 * replacing it with U+FFFD as {@link java.io.InputStreamReader} does. Skips a leading byte-order mark.
 */
final class StrictUtf8Reader extends Reader {

    private final InputStream in;
    private final String errorTitle;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16).flip();
    private boolean endOfInput;
    private boolean flushed;
    private boolean atStart = true;
    private long newlines;

    StrictUtf8Reader(InputStream in, String errorTitle) {
        this.in = in;
        this.errorTitle = errorTitle;
    }

    @Override
    public int read(char[] buffer, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        if (flushed) {
            return -1;
        }
        CharBuffer out = CharBuffer.wrap(buffer, offset, length);
        while (out.position() == offset) {
            CoderResult result = decoder.decode(bytes, out, endOfInput);
            if (result.isError()) {
                if (out.position() > offset) {
                    break; // hand over what came before the fault; the next call reports it
                }
                throw ContentErrors.at(errorTitle, "Line " + (newlines + 1) + " is not valid UTF-8.", newlines + 1, null);
            }
            if (result.isUnderflow()) {
                if (endOfInput) {
                    decoder.flush(out);
                    flushed = true;
                    break;
                }
                fill();
            }
        }
        int read = out.position() - offset;
        if (read == 0) {
            return -1;
        }
        int from = offset;
        if (atStart) {
            atStart = false;
            if (buffer[offset] == '\uFEFF') {
                System.arraycopy(buffer, offset + 1, buffer, offset, read - 1);
                read--;
                if (read == 0) {
                    return read(buffer, offset, length);
                }
            }
        }
        for (int i = from; i < offset + read; i++) {
            if (buffer[i] == '\n') {
                newlines++;
            }
        }
        return read;
    }

    private void fill() {
        bytes.compact();
        try {
            int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
            if (n < 0) {
                endOfInput = true;
            } else {
                bytes.position(bytes.position() + n);
            }
        } catch (IOException e) {
            throw new UploadInterruptedException(e);
        } finally {
            bytes.flip();
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
