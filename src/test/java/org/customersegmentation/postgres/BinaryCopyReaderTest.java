package org.customersegmentation.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The binary COPY format as PostgreSQL's documentation lays it out, written here by hand. */
class BinaryCopyReaderTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final DataOutputStream out = new DataOutputStream(bytes);

    private void header(int extensionBytes) throws IOException {
        out.write("PGCOPY\n\377\r\n\0".getBytes(StandardCharsets.ISO_8859_1));
        out.writeInt(0);
        out.writeInt(extensionBytes);
        out.write(new byte[extensionBytes]);
    }

    private void text(String value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private void integer(int value) throws IOException {
        out.writeInt(4);
        out.writeInt(value);
    }

    /** Hands out one byte a read, so that every field straddles a refill. */
    private InputStream trickling() {
        return new FilterInputStream(new ByteArrayInputStream(bytes.toByteArray())) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, 1));
            }
        };
    }

    @Test
    void readsIntegersTextsAndNumbersHeldAsTextWithTheirNulls() throws IOException {
        header(3);
        out.writeShort(4);
        integer(7);
        text("Zoë\t\\");
        text("-1.25e-3");
        text(null);
        out.writeShort(4);
        integer(-2);
        text(null);
        text(".5");
        text("12");
        out.writeShort(-1);

        BinaryCopyReader reader = new BinaryCopyReader(trickling());
        assertThat(reader.nextRow()).isTrue();
        assertThat(reader.nextInt()).isEqualTo(7);
        assertThat(reader.nextText()).isEqualTo("Zoë\t\\");
        assertThat(reader.nextTextAsNumber()).isEqualTo(-0.00125);
        assertThat(reader.nextTextAsNumber()).isNaN();
        assertThat(reader.nextRow()).isTrue();
        assertThat(reader.nextInt()).isEqualTo(-2);
        assertThat(reader.nextText()).isNull();
        assertThat(reader.nextTextAsNumber()).isEqualTo(0.5);
        assertThat(reader.nextTextAsNumber()).isEqualTo(12.0);
        assertThat(reader.nextRow()).isFalse();
        reader.expectEnd();
    }

    @Test
    void aFieldLargerThanTheBufferIsReadWhole() throws IOException {
        String large = "é".repeat(100_000);
        header(0);
        out.writeShort(1);
        text(large);
        out.writeShort(-1);

        BinaryCopyReader reader = new BinaryCopyReader(new ByteArrayInputStream(bytes.toByteArray()));
        assertThat(reader.nextRow()).isTrue();
        assertThat(reader.nextText()).isEqualTo(large);
        assertThat(reader.nextRow()).isFalse();
    }

    @Test
    void aStreamCutShortOrNotACopyIsAnError() throws IOException {
        header(0);
        out.writeShort(1);
        out.writeInt(10);
        out.write("abc".getBytes(StandardCharsets.US_ASCII));
        BinaryCopyReader reader = new BinaryCopyReader(new ByteArrayInputStream(bytes.toByteArray()));
        assertThat(reader.nextRow()).isTrue();
        assertThatThrownBy(reader::nextText).isInstanceOf(EOFException.class);

        assertThatThrownBy(() -> new BinaryCopyReader(new ByteArrayInputStream(new byte[19])))
                .hasMessage("Not a binary COPY stream");
    }
}
