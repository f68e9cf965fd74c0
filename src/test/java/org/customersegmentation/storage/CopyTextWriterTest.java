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

    @Test
    void writesArraysWithNullElementsAndQuotedText() throws IOException {
        StringWriter out = new StringWriter();

        new CopyTextWriter(out)
                .doubleArray(new double[] {1.5, Double.NaN, -2e10})
                .textArray(new String[] {"a,b", null, "say \"hi\"", "NULL", "c\\d"})
                .endRow();

        // array literal first ({...,"say \"hi\""...}), then COPY's own escaping doubles every backslash
        assertThat(out).hasToString("{1.5,NULL,-2.0E10}\t{\"a,b\",NULL,\"say \\\\\"hi\\\\\"\",\"NULL\",\"c\\\\\\\\d\"}\n");
    }
}
