package org.customersegmentation.postgres;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes rows in COPY's text format, UTF-8 encoded: tab-separated fields, {@code \N} for NULL, backslash
 * escapes. Works on bytes, with its own buffer: uploads push millions of values through it.
 */
public final class CopyTextWriter {

    private final OutputStream out;
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private boolean firstField = true;

    public CopyTextWriter(OutputStream out) {
        this.out = out;
    }

    public CopyTextWriter text(String value) throws IOException {
        separate();
        if (value == null) {
            put((byte) '\\');
            put((byte) 'N');
            return this;
        }
        // backslash, tab, newline and carriage return are single bytes in UTF-8, never part of another character
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            switch (b) {
                case '\\' -> escaped((byte) '\\');
                case '\t' -> escaped((byte) 't');
                case '\n' -> escaped((byte) 'n');
                case '\r' -> escaped((byte) 'r');
                default -> put(b);
            }
        }
        return this;
    }

    /**
     * A text[] literal: every element quoted, null elements as NULL. Inside the quotes the array's own escapes
     * (a backslash before {@code "} and {@code \}) are written, and COPY's escaping applies on top.
     */
    public CopyTextWriter textArray(String[] values) throws IOException {
        separate();
        put((byte) '{');
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                put((byte) ',');
            }
            if (values[i] == null) {
                put((byte) 'N');
                put((byte) 'U');
                put((byte) 'L');
                put((byte) 'L');
                continue;
            }
            put((byte) '"');
            for (byte b : values[i].getBytes(StandardCharsets.UTF_8)) {
                switch (b) {
                    case '"' -> {
                        escaped((byte) '\\');
                        put(b);
                    }
                    case '\\' -> {
                        escaped((byte) '\\');
                        escaped((byte) '\\');
                    }
                    case '\t' -> escaped((byte) 't');
                    case '\n' -> escaped((byte) 'n');
                    case '\r' -> escaped((byte) 'r');
                    default -> put(b);
                }
            }
            put((byte) '"');
        }
        put((byte) '}');
        return this;
    }

    public CopyTextWriter number(long value) throws IOException {
        separate();
        ascii(Long.toString(value));
        return this;
    }

    public CopyTextWriter number(double value) throws IOException {
        separate();
        ascii(Double.toString(value));
        return this;
    }

    public void endRow() throws IOException {
        put((byte) '\n');
        firstField = true;
    }

    /** Hands the buffered rows to the stream. */
    public void flush() throws IOException {
        out.write(buffer, 0, position);
        position = 0;
        out.flush();
    }

    private void separate() throws IOException {
        if (!firstField) {
            put((byte) '\t');
        }
        firstField = false;
    }

    private void ascii(String digits) throws IOException {
        for (int i = 0; i < digits.length(); i++) {
            put((byte) digits.charAt(i));
        }
    }

    private void escaped(byte letter) throws IOException {
        put((byte) '\\');
        put(letter);
    }

    private void put(byte b) throws IOException {
        if (position == buffer.length) {
            out.write(buffer, 0, position);
            position = 0;
        }
        buffer[position++] = b;
    }
}
