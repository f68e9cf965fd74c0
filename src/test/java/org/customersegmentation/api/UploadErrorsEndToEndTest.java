package org.customersegmentation.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.customersegmentation.api.UploadFormatsEndToEndTest.bytes;
import static org.customersegmentation.api.UploadFormatsEndToEndTest.gzip;

import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.customersegmentation.support.ApiClient;
import org.customersegmentation.support.EndToEndTest;
import org.customersegmentation.support.Leftovers;
import org.customersegmentation.support.Tenants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Each kind of bad upload gets a problem that says what to fix, with the line and column where they apply, and
 * leaves nothing stored (checked after every test).
 */
@EndToEndTest
class UploadErrorsEndToEndTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    ApiClient acme;
    Leftovers before;

    @BeforeEach
    void setUp() {
        acme = new ApiClient(port, Tenants.ACME_KEY);
        before = Leftovers.in(jdbc);
    }

    @AfterEach
    void nothingWasStored() {
        assertThat(Leftovers.in(jdbc)).isEqualTo(before);
    }

    @Test
    void anUnterminatedQuoteNamesTheLineItStartsOn() {
        JsonNode problem = csv("id,note\n1,fine\n2,\"never closed\n3,more\n").problem(400);

        assertThat(problem.get("line").asInt()).isEqualTo(3);
        assertThat(problem.get("detail").asString()).contains("Unclosed quoted field");
    }

    @Test
    void invalidUtf8NamesItsLine() {
        byte[] latin1 = "id,city\n1,Berlin\n2,K\u00f6ln\n".getBytes(StandardCharsets.ISO_8859_1);

        JsonNode problem = acme.post("/api/v1/datasets", "text/csv", latin1).problem(400);

        assertThat(problem.get("detail").asString()).isEqualTo("Line 3 is not valid UTF-8.");
        assertThat(problem.get("line").asInt()).isEqualTo(3);
        assertThat(acme.post("/api/v1/datasets", "application/x-ndjson",
                "{\"id\": 1}\n{\"id\": \"K\u00f6ln\"}\n".getBytes(StandardCharsets.ISO_8859_1))
                .problem(400).get("line").asInt()).isEqualTo(2);
    }

    @Test
    void emptyBodiesAndHeadersWithoutRowsAreRejectedInEveryFormat() {
        assertThat(csv("").problem(400).get("detail").asString()).contains("empty");
        assertThat(csv("id,age\n").problem(400).get("detail").asString()).contains("no customer rows");
        assertThat(json("").problem(400).get("detail").asString()).contains("empty");
        assertThat(json("[]").problem(400).get("detail").asString()).contains("no customer records");
        assertThat(ndjson("\n\n").problem(400).get("detail").asString()).contains("empty");
    }

    @Test
    void duplicateOrEmptyColumnNamesAreRejectedInJsonToo() {
        JsonNode duplicate = json("[{\"id\": 1, \"age\": 2, \"age\": 3}]").problem(400);
        assertThat(duplicate.get("column").asString()).isEqualTo("age");
        assertThat(duplicate.get("line").asInt()).isEqualTo(1);
        assertThat(ndjson("{\"id\": 1}\n{\"id\": 2, \" \": 3}\n").problem(400).get("detail").asString())
                .isEqualTo("Column 2 has no name.");
    }

    @Test
    void moreThanMaxColumnsIsRejected() {
        String header = IntStream.rangeClosed(1, 501).mapToObj(i -> "c" + i).collect(Collectors.joining(","));
        String row = IntStream.rangeClosed(1, 501).mapToObj(Integer::toString).collect(Collectors.joining(","));

        JsonNode problem = csv(header + "\n" + row + "\n").problem(400);

        assertThat(problem.get("detail").asString()).contains("more than 500 columns");
        assertThat(problem.get("line").asInt()).isEqualTo(1);
    }

    @Test
    void jsonThatIsNotAnArrayOfFlatObjectsIsRejectedSayingWhy() {
        assertThat(json("{\"id\": 1}").problem(400).get("detail").asString()).contains("must be a JSON array of flat customer objects");
        assertThat(json("[{\"id\": 1}, 42]").problem(400).get("detail").asString()).contains("flat JSON object");
        JsonNode nested = json("[{\"id\": 1, \"age\": 3},\n {\"id\": 2, \"address\": {\"city\": \"Oslo\"}}]").problem(400);
        assertThat(nested.get("column").asString()).isEqualTo("address");
        assertThat(nested.get("line").asInt()).isEqualTo(2);
        assertThat(ndjson("{\"id\": 1, \"tags\": [\"a\"]}\n").problem(400).get("column").asString()).isEqualTo("tags");
        assertThat(json("[{\"id\": 1}] [").problem(400).get("detail").asString()).contains("content after the JSON array");
        assertThat(json("[{\"id\": 1},\n{\"id\": 2,}]").problem(400).get("line").asInt()).isEqualTo(2);
        assertThat(json("[{\"id\": 1}").problem(400).get("detail").asString()).contains("end-of-input");
    }

    @Test
    void duplicateIdsInJsonNameBothLines() {
        JsonNode problem = ndjson("{\"id\": \"a\"}\n{\"id\": \"b\"}\n{\"id\": \"a\"}\n").problem(400);

        assertThat(problem.get("detail").asString()).startsWith("Lines 1 and 3 have the same customer ID in column 'id'");
        assertThat(problem.get("line").asInt()).isEqualTo(3);
    }

    @Test
    void aGzipBombAndAnOversizedJsonBodyAreTooLarge() {
        byte[] bomb = gzip("id,note\n" + "1,".repeat(1) + "x".repeat(2 * 1024 * 1024) + "\n");
        assertThat(bomb.length).isLessThan(10_000);

        assertThat(acme.post("/api/v1/datasets", "text/csv", bomb, "Content-Encoding", "gzip").problem(413)
                .get("detail").asString()).contains("1 MB");
        assertThat(json("[" + "{\"id\": 1},".repeat(120_000) + "{\"id\": 2}]").problem(413).get("detail").asString())
                .contains("1 MB");
    }

    @Test
    void aCorruptGzipBodyOrAnUnknownDelimiterIsABadRequest() {
        byte[] corrupt = gzip("id,age\n1,2\n");
        corrupt[12] ^= 0x55;
        assertThat(acme.post("/api/v1/datasets", "text/csv", corrupt).problem(400).get("title").asString()).isEqualTo("Invalid gzip");
        assertThat(acme.post("/api/v1/datasets?delimiter=x", "text/csv", bytes("id,age\n1,2\n")).problem(400)
                .get("detail").asString()).contains("delimiter must be one of");
    }

    @Test
    void aBrokenGzipHeaderANulInAColumnNameAndAnOverlongIdAreBadRequests() {
        assertThat(acme.post("/api/v1/datasets", "text/csv", new byte[] {0x1f, (byte) 0x8b, 0x09}).problem(400)
                .get("title").asString()).isEqualTo("Invalid gzip");
        assertThat(csv("id,na\u0000me\n1,2\n").problem(400).get("detail").asString())
                .isEqualTo("The name of column 2 has a NUL character.");
        JsonNode longId = csv("id,age\n" + "x".repeat(300) + ",2\n").problem(400);
        assertThat(longId.get("detail").asString()).contains("longer than 256 characters");
        assertThat(longId.get("column").asString()).isEqualTo("id");
    }

    @Test
    void aMultipartFormWithoutAFilePartIsRejected() {
        byte[] form = bytes("--b\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nx\r\n--b--\r\n");

        assertThat(acme.post("/api/v1/datasets", "multipart/form-data; boundary=b", form).problem(400)
                .get("detail").asString()).contains("no file part named 'file'");
    }

    private ApiClient.Response csv(String body) {
        return acme.post("/api/v1/datasets", "text/csv", bytes(body));
    }

    @Test
    void anUploadWithoutASingleColumnIsRefused() {
        assertThat(ndjson("{}\n").problem(400).get("detail").asString()).startsWith("The upload has no column");
        assertThat(json("[{\"id\": \"a\"}, {\"id\": \"b\"}]").problem(400).get("detail").asString())
                .startsWith("The upload has no column besides the customer ID 'id'");
    }

    private ApiClient.Response json(String body) {
        return acme.post("/api/v1/datasets", "application/json", bytes(body));
    }

    private ApiClient.Response ndjson(String body) {
        return acme.post("/api/v1/datasets", "application/x-ndjson", bytes(body));
    }
}
