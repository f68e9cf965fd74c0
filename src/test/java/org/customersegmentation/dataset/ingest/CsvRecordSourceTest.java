package org.customersegmentation.dataset.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CsvRecordSourceTest {

    @ParameterizedTest
    @CsvSource(delimiter = '!', value = {
            "id,age,income! comma",
            "id;age;income! semicolon",
            "id\tage\tincome! tab",
            "id|age|income! pipe",
            "\"last, first\";age;income! semicolon",
            "single! comma"})
    void theDelimiterIsTheCandidateSeenMostOftenOutsideQuotesInTheHeader(String header, String expected) {
        char delimiter = switch (expected) {
            case "comma" -> ',';
            case "semicolon" -> ';';
            case "tab" -> '\t';
            default -> '|';
        };
        assertThat(CsvRecordSource.detectDelimiter(new BufferedReader(new StringReader(header + "\n1,2,3\n"))))
                .isEqualTo(delimiter);
    }

    @Test
    void recordsKeepQuotedDelimitersQuotesAndLineBreaksAndKnowTheLineTheyStartOn() {
        String csv = "name;note\r\n\"Smith; J\";\"say \"\"hi\"\"\"\r\nLee;\"two\nlines\"\r\nPark;x\r\n";
        try (CsvRecordSource source = CsvRecordSource.open(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), null, 10)) {
            assertThat(source.columns()).containsExactly("name", "note");
            List<String> read = new ArrayList<>();
            for (String[] record = source.next(); record != null; record = source.next()) {
                read.add(source.line() + ":" + String.join("|", record));
            }
            assertThat(read).containsExactly("2:Smith; J|say \"hi\"", "3:Lee|two\nlines", "5:Park|x");
        }
    }
}
