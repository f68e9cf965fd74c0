package org.customersegmentation.postgres;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Writes rows in COPY's binary format: each field as its length and its bytes in network order, nothing to
 * escape and no number printed as text for the server to parse back.
 */
public final class BinaryCopyWriter {

    private static final byte[] HEADER = "PGCOPY\n\377\r\n\0\0\0\0\0\0\0\0\0".getBytes(StandardCharsets.ISO_8859_1);

    private final OutputStream out;
    private final byte[] buffer = new byte[1 << 16];
    private int position;

    BinaryCopyWriter(OutputStream out) throws IOException {
        this.out = out;
        bytes(HEADER, 0, HEADER.length);
    }

    /** Starts a row of {@code fields} fields; write exactly that many next. */
    public BinaryCopyWriter row(int fields) throws IOException {
        room(2);
        putShort(fields);
        return this;
    }

    public BinaryCopyWriter uuid(UUID value) throws IOException {
        room(20);
        putInt(16);
        putLong(value.getMostSignificantBits());
        putLong(value.getLeastSignificantBits());
        return this;
    }

    public BinaryCopyWriter integer(int value) throws IOException {
        room(8);
        putInt(4);
        putInt(value);
        return this;
    }

    public BinaryCopyWriter float8(double value) throws IOException {
        room(12);
        putInt(8);
        putLong(Double.doubleToRawLongBits(value));
        return this;
    }

    public BinaryCopyWriter text(String value) throws IOException {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        room(4);
        putInt(utf8.length);
        bytes(utf8, 0, utf8.length);
        return this;
    }

    /** Writes the trailer and hands everything to the stream. */
    void finish() throws IOException {
        row(-1);
        out.write(buffer, 0, position);
        position = 0;
        out.flush();
    }

    private void bytes(byte[] source, int offset, int length) throws IOException {
        while (length > 0) {
            room(1);
            int chunk = Math.min(length, buffer.length - position);
            System.arraycopy(source, offset, buffer, position, chunk);
            position += chunk;
            offset += chunk;
            length -= chunk;
        }
    }

    private void room(int bytes) throws IOException {
        if (buffer.length - position < bytes) {
            out.write(buffer, 0, position);
            position = 0;
        }
    }

    private void putShort(int value) {
        buffer[position++] = (byte) (value >>> 8);
        buffer[position++] = (byte) value;
    }

    private void putInt(int value) {
        putShort(value >>> 16);
        putShort(value);
    }

    private void putLong(long value) {
        putInt((int) (value >>> 32));
        putInt((int) value);
    }
}
