package org.customersegmentation.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class CopyTextWriterTest {

    @Test
    void escapesWhatCopysTextFormatGivesMeaningTo() throws IOException {
        StringWriter out = new StringWriter();

        new CopyTextWriter(out).text("tab\there").text("back\\slash").text("new\nline\r").text(null).number(7).endRow();

        assertThat(out).hasToString("tab\\there\tback\\\\slash\tnew\\nline\\r\t\\N\t7\n");
    }
}
