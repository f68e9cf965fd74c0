package org.customersegmentation.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.customersegmentation.web.InvalidRequestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvDatasetParserTest {

    static ParsedDataset parse(String csv) {
        return parse(csv, null);
    }

    static ParsedDataset parse(String csv, String idColumn) {
        return CsvDatasetParser.parse(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), idColumn);
    }

    @Test
    void typesEachColumnAndKeepsNumericAndCategoricalValuesApart() {
        ParsedDataset parsed = parse("""
                cust_id,age,segment,income
                a,34,gold,52000.5
                b,,silver,-1e3
                c,51,,7
                """);

        assertThat(parsed.idColumn()).isEqualTo("cust_id");
        assertThat(parsed.columns()).containsExactly(
                new ParsedDataset.ParsedColumn("age", ColumnType.NUMERIC, 1, 1),
                new ParsedDataset.ParsedColumn("segment", ColumnType.CATEGORICAL, 1, 1),
                new ParsedDataset.ParsedColumn("income", ColumnType.NUMERIC, 0, 2));
        assertThat(parsed.customerIds()).containsExactly("a", "b", "c");
        assertThat(Arrays.deepToString(parsed.numeric())).isEqualTo("[[34.0, 52000.5], [NaN, -1000.0], [51.0, 7.0]]");
        assertThat(parsed.categorical()).isDeepEqualTo(new String[][] {{"gold"}, {"silver"}, {null}});
    }

    @Test
    void readsRfc4180QuotingAndCrlfLineEndings() {
        ParsedDataset parsed = parse("id,name,spend\r\n1,\"Smith, \"\"Jr\"\"\",5\r\n2,\"two\nlines\",6\r\n");

        assertThat(parsed.categorical()).isDeepEqualTo(new String[][] {{"Smith, \"Jr\""}, {"two\nlines"}});
        assertThat(parsed.numeric()).isDeepEqualTo(new double[][] {{5}, {6}});
    }

    @Test
    void aByteOrderMarkDoesNotHideTheIdColumn() {
        assertThat(parse("\uFEFFid,spend\nx,1\n").idColumn()).isEqualTo("id");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ID", "Customer_ID", "customerId", "CUST-ID", "customer id", "Cust_Id"})
    void findsTheIdColumnUnderItsCommonNames(String header) {
        assertThat(parse("age," + header + "\n30,x\n").idColumn()).isEqualTo(header);
    }

    @Test
    void withoutAnIdColumnCustomersAreNumberedByRow() {
        ParsedDataset parsed = parse("age,customer_name\n30,Ann\n40,Bob\n");

        assertThat(parsed.idColumn()).isNull();
        assertThat(parsed.customerIds()).containsExactly("1", "2");
        assertThat(parsed.columns()).extracting(ParsedDataset.ParsedColumn::name).containsExactly("age", "customer_name");
    }

    @Test
    void anExplicitIdColumnIsUsedEvenWhenAnotherLooksLikeOne() {
        assertThat(parse("id,email\n1,a@x\n2,b@x\n", "email").customerIds()).containsExactly("a@x", "b@x");
    }

    @Test
    void aColumnWithOneNonNumberIsCategoricalNotCoerced() {
        ParsedDataset parsed = parse("id,spend\n1,10\n2,12f\n3,0x1p3\n");

        assertThat(parsed.columns().getFirst().type()).isEqualTo(ColumnType.CATEGORICAL);
        assertThat(parsed.categorical()).isDeepEqualTo(new String[][] {{"10"}, {"12f"}, {"0x1p3"}});
    }

    @Test
    void theWrongNumberOfFieldsNamesThePhysicalLine() {
        // the quoted line break makes customer 1 span lines 2 and 3, so the short row is on line 4
        assertThatThrownBy(() -> parse("id,note,spend\n1,\"a\nb\",3\n2,4\n"))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("Line 4 has 2 fields but the header has 3.");
                    assertThat(e.properties()).containsEntry("line", 4L);
                });
    }

    @Test
    void emptyHeaderOnlyAndBadHeadersAreRejected() {
        assertThatThrownBy(() -> parse("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> parse("id,spend\n")).hasMessage("The CSV has a header but no customer rows.");
        assertThatThrownBy(() -> parse("id,spend,spend\n1,2,3\n")).hasMessage("The header names column 'spend' twice.");
        assertThatThrownBy(() -> parse("id, ,spend\n1,2,3\n")).hasMessage("Header column 2 has no name.");
        assertThatThrownBy(() -> parse("id,spend\n1,2\n", "email")).hasMessage("idColumn 'email' is not a column of the CSV header.");
    }

    @Test
    void customerIdsMustBePresentAndUnique() {
        assertThatThrownBy(() -> parse("id,spend\n1,2\n2,3\n1,4\n"))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("Lines 2 and 4 have the same customer ID in column 'id'; customer IDs must be unique.");
                    assertThat(e.properties()).containsEntry("line", 4L).containsEntry("column", "id");
                });
        assertThatThrownBy(() -> parse("id,spend\n1,2\n ,3\n")).hasMessage("Line 3 has no customer ID in column 'id'.");
    }

    @Test
    void errorMessagesNeverQuoteCustomerValues() {
        List<String> messages = List.of("id,secret\nA1,s3cr3t\nA1,t0p\n", "id,secret\nA1,s3cr3t,extra\n").stream()
                .map(csv -> {
                    try {
                        parse(csv);
                        return "";
                    } catch (InvalidRequestException e) {
                        return e.getMessage();
                    }
                }).toList();

        assertThat(messages).allSatisfy(message -> assertThat(message).isNotEmpty().doesNotContain("s3cr3t", "A1", "t0p"));
    }
}
