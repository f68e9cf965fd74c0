package org.customersegmentation.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CopyTextWriterTest {

    @Test
    void escapesWhatCopysTextFormatGivesMeaningTo() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CopyTextWriter rows = new CopyTextWriter(out);

        rows.text("tab\there").text("back\\slash").text("new\nline\r").text(null).number(7).number(-2.5).endRow();
        rows.flush();

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("tab\\there\tback\\\\slash\tnew\\nline\\r\t\\N\t7\t-2.5\n");
    }

    @Test
    void writesTextArraysWithTheArraysEscapesUnderCopys() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CopyTextWriter rows = new CopyTextWriter(out);

        rows.textArray(new String[] {"a,b", null, "say \"hi\"", "NULL", "c\\d", "tab\t"}).endRow();
        rows.flush();

        // array literal {"a,b",NULL,"say \"hi\"","NULL","c\\d","tab<TAB>"}, then COPY doubles each backslash
        assertThat(out.toString(StandardCharsets.UTF_8))
                .isEqualTo("{\"a,b\",NULL,\"say \\\\\"hi\\\\\"\",\"NULL\",\"c\\\\\\\\d\",\"tab\\t\"}\n");
    }

    @Test
    void writesUtf8AndValuesLongerThanItsBuffer() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CopyTextWriter rows = new CopyTextWriter(out);
        String long_ = "Köln ☕ 𝄞 ".repeat(20_000);

        rows.text(long_).text("x").endRow();
        rows.flush();

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(long_ + "\tx\n");
    }
}
