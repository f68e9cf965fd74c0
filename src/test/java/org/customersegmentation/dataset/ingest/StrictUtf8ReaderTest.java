package org.customersegmentation.dataset.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.customersegmentation.common.InvalidInputException;
import org.junit.jupiter.api.Test;

class StrictUtf8ReaderTest {

    @Test
    void multiByteCharactersSplitAcrossBuffersDecodeAndALeadingBomIsDropped() throws IOException {
        String text = "id,city\n" + "1,Köln ☕ 𝄞\n".repeat(20_000);
        byte[] bytes = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, text.getBytes(StandardCharsets.UTF_8));

        assertThat(readAll(new StrictUtf8Reader(new ByteArrayInputStream(bytes), "Invalid CSV"))).isEqualTo(text);
    }

    @Test
    void aMalformedByteFarIntoTheBodyIsReportedOnItsLine() {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes("id,city\n".getBytes(StandardCharsets.UTF_8));
        body.writeBytes("1,Berlin\n".repeat(30_000).getBytes(StandardCharsets.UTF_8));
        body.writeBytes(new byte[] {'2', ',', 'K', (byte) 0xF6, 'l', 'n', '\n'});

        assertThatThrownBy(() -> readAll(new StrictUtf8Reader(new ByteArrayInputStream(body.toByteArray()), "Invalid CSV")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Line 30002 is not valid UTF-8.")
                .satisfies(e -> assertThat(((InvalidInputException) e).properties()).containsEntry("line", 30002L));
    }

    private static String readAll(Reader reader) throws IOException {
        StringWriter out = new StringWriter();
        reader.transferTo(out);
        return out.toString();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
