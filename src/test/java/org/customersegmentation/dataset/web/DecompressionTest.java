package org.customersegmentation.dataset.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.customersegmentation.common.ContentTooLargeException;
import org.customersegmentation.common.InvalidInputException;
import org.customersegmentation.support.Gzip;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** A gzip body is measured whole before a byte of it is handed on; anything else passes as it is. */
class DecompressionTest {

    @Test
    void aBombIsRefusedBeforeTheCallerReadsAnything() throws IOException {
        byte[] bomb = Gzip.compress(new byte[50_000_000]); // 50 MB of zeros in some 50 KB

        assertThatThrownBy(() -> Decompression.decode(new ByteArrayInputStream(bomb), DataSize.ofMegabytes(10)))
                .isInstanceOf(ContentTooLargeException.class).hasMessageContaining("10 MB");
    }

    @Test
    void gzipWithinTheLimitIsInflatedAsItIsRead() throws IOException {
        byte[] csv = "id,spend\na,1\nb,2\n".repeat(1000).getBytes(StandardCharsets.UTF_8);

        try (InputStream decoded = Decompression.decode(new ByteArrayInputStream(Gzip.compress(csv)), DataSize.ofMegabytes(1))) {
            assertThat(decoded.readAllBytes()).isEqualTo(csv);
        }
    }

    @Test
    void aTruncatedGzipIsInvalidInput() throws IOException {
        byte[] cut = Arrays.copyOf(Gzip.compress("id,spend\na,1\n".repeat(100).getBytes(StandardCharsets.UTF_8)), 30);

        assertThatThrownBy(() -> Decompression.decode(new ByteArrayInputStream(cut), DataSize.ofMegabytes(1)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("ends inside the gzip data");
    }

    @Test
    void plainBodiesPassUntouched() throws IOException {
        byte[] csv = "id,spend\na,1\n".getBytes(StandardCharsets.UTF_8);

        try (InputStream decoded = Decompression.decode(new ByteArrayInputStream(csv), DataSize.ofBytes(5))) {
            assertThat(decoded.readAllBytes()).as("the size of a plain body is its reader's business").isEqualTo(csv);
        }
    }
}
