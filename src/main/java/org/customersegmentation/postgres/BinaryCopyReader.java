package org.customersegmentation.postgres;

import ch.randelshofer.fastdoubleparser.JavaDoubleParser;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads the rows of a {@code COPY ... TO STDOUT (FORMAT binary)}, field by field in the order selected. Text
 * arrives as its UTF-8 bytes, unescaped, so a number stored as text is parsed straight from those bytes: a
 * million customers are read back without a String per value.
 */
public final class BinaryCopyReader {

    private static final byte[] SIGNATURE = "PGCOPY\n\377\r\n\0".getBytes(StandardCharsets.ISO_8859_1);

    private final InputStream in;
    private byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;

    BinaryCopyReader(InputStream in) throws IOException {
        this.in = in;
        require(SIGNATURE.length + 8);
        if (!Arrays.equals(buffer, 0, SIGNATURE.length, SIGNATURE, 0, SIGNATURE.length)) {
            throw new IOException("Not a binary COPY stream");
        }
        position = SIGNATURE.length + 4; // the flags: nothing to act on
        int extension = readInt();
        require(extension);
        position += extension;
    }

    /** Moves to the next row; false after the last. */
    public boolean nextRow() throws IOException {
        require(2);
        short fields = (short) (((buffer[position] & 0xff) << 8) | (buffer[position + 1] & 0xff));
        position += 2;
        return fields != -1;
    }

    /** The next field, an {@code integer}. */
    public int nextInt() throws IOException {
        int length = readInt();
        if (length != 4) {
            throw new IOException("Expected an integer field, found " + length + " bytes");
        }
        return readInt();
    }

    /** The next field, a text: null when it is NULL. */
    public String nextText() throws IOException {
        int length = fieldLength();
        if (length < 0) {
            return null;
        }
        String text = new String(buffer, position, length, StandardCharsets.UTF_8);
        position += length;
        return text;
    }

    /** The next field, a text holding a decimal number: NaN when it is NULL. */
    public double nextTextAsNumber() throws IOException {
        int length = fieldLength();
        if (length < 0) {
            return Double.NaN;
        }
        double number = JavaDoubleParser.parseDouble(buffer, position, length);
        position += length;
        return number;
    }

    /** Checks that nothing follows the last row. */
    void expectEnd() throws IOException {
        if (position < limit || in.read() >= 0) {
            throw new IOException("The COPY went on after its last row");
        }
    }

    /** Reads a field's length and makes sure its bytes are in the buffer. */
    private int fieldLength() throws IOException {
        int length = readInt();
        if (length > 0) {
            require(length);
        }
        return length;
    }

    private int readInt() throws IOException {
        require(4);
        int value = ((buffer[position] & 0xff) << 24) | ((buffer[position + 1] & 0xff) << 16)
                | ((buffer[position + 2] & 0xff) << 8) | (buffer[position + 3] & 0xff);
        position += 4;
        return value;
    }

    /** Makes the next {@code bytes} bytes available from {@code position}, reading (and growing) as needed. */
    private void require(int bytes) throws IOException {
        if (limit - position >= bytes) {
            return;
        }
        int pending = limit - position;
        if (bytes > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(bytes, buffer.length * 2));
        }
        System.arraycopy(buffer, position, buffer, 0, pending);
        position = 0;
        limit = pending;
        while (limit < bytes) {
            int read = in.read(buffer, limit, buffer.length - limit);
            if (read < 0) {
                throw new EOFException("The COPY ended in the middle of a row");
            }
            limit += read;
        }
    }
}
