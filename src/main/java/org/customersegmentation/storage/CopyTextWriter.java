package org.customersegmentation.storage;

import java.io.IOException;
import java.io.Writer;

/** Writes rows in COPY's text format: tab-separated fields, {@code \N} for NULL, backslash escapes. */
public final class CopyTextWriter {

    private final Writer out;
    private boolean firstField = true;

    public CopyTextWriter(Writer out) {
        this.out = out;
    }

    public CopyTextWriter text(String value) throws IOException {
        separate();
        if (value == null) {
            out.write("\\N");
        } else {
            out.write(escape(value));
        }
        return this;
    }

    public CopyTextWriter number(long value) throws IOException {
        separate();
        out.write(Long.toString(value));
        return this;
    }

    public CopyTextWriter number(double value) throws IOException {
        separate();
        out.write(Double.toString(value));
        return this;
    }

    public void endRow() throws IOException {
        out.write('\n');
        firstField = true;
    }

    private void separate() throws IOException {
        if (!firstField) {
            out.write('\t');
        }
        firstField = false;
    }

    static String escape(String value) {
        StringBuilder escaped = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            String replacement = switch (c) {
                case '\\' -> "\\\\";
                case '\t' -> "\\t";
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                default -> null;
            };
            if (replacement != null && escaped == null) {
                escaped = new StringBuilder(value.length() + 8).append(value, 0, i);
            }
            if (escaped != null) {
                escaped.append(replacement != null ? replacement : String.valueOf(c));
            }
        }
        return escaped == null ? value : escaped.toString();
    }
}
