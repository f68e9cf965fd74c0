package org.customersegmentation.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.customersegmentation.support.ApiClient;
import org.customersegmentation.support.EndToEndTest;
import org.customersegmentation.support.Gzip;
import org.customersegmentation.support.Tenants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Every body format a CRM sends, over real HTTP, each read into the same typed dataset. */
@EndToEndTest
class UploadFormatsEndToEndTest {

    /** Three customers; plan has 2 labels, email 3 (TEXT when maxCategories is 2), spend a missing value. */
    private static final String EXPECTED_COLUMNS = "[{\"name\":\"plan\",\"type\":\"CATEGORICAL\",\"missing\":0,\"distinct\":2},"
            + "{\"name\":\"spend\",\"type\":\"NUMERIC\",\"missing\":1},"
            + "{\"name\":\"email\",\"type\":\"TEXT\",\"missing\":0}]";

    private static final String CSV = """
            id,plan,spend,email
            c1,gold,10.5,a@example.com
            c2,silver,NA,b@example.com
            c3,gold,-3e2,c@example.com
            """;

    private static final String JSON = """
            [{"id": "c1", "plan": "gold", "spend": 10.5, "email": "a@example.com"},
             {"email": "b@example.com", "id": "c2", "plan": "silver", "spend": null},
             {"id": "c3", "plan": "gold", "spend": "-3e2", "email": "c@example.com"}]
            """;

    private static final String NDJSON = """
            {"id": "c1", "plan": "gold", "spend": 10.5, "email": "a@example.com"}
            {"id": "c2", "plan": "silver", "email": "b@example.com"}

            {"id": "c3", "plan": "gold", "spend": -3e2, "email": "c@example.com"}
            """;

    @LocalServerPort
    int port;

    ApiClient acme;

    @BeforeEach
    void setUp() {
        acme = new ApiClient(port, Tenants.ACME_KEY);
    }

    @Test
    void csvJsonAndNdjsonBecomeTheSameDataset() {
        assertColumns(acme.post(path(), "text/csv", bytes(CSV)));
        assertColumns(acme.post(path(), "application/json", bytes(JSON)));
        assertColumns(acme.post(path(), "application/x-ndjson", bytes(NDJSON)));
    }

    @Test
    void eachFormatMayBeGzipped() {
        assertColumns(acme.post(path(), "text/csv", gzip(CSV), "Content-Encoding", "gzip"));
        assertColumns(acme.post(path(), "application/json; charset=utf-8", gzip(JSON), "Content-Encoding", "gzip"));
        assertColumns(acme.post(path(), "application/x-ndjson", gzip(NDJSON), "Content-Encoding", "gzip"));
    }

    @Test
    void multipartFormsTakeTheirFormatFromThePartAndMayBeGzippedWholeOrAsAFile() {
        assertColumns(acme.post(path(), "multipart/form-data; boundary=b", form("customers.ndjson", "application/x-ndjson", bytes(NDJSON))));
        assertColumns(acme.post(path(), "multipart/form-data; boundary=b", form("customers.json", null, bytes(JSON))));
        assertColumns(acme.post(path(), "multipart/form-data; boundary=b", form("customers.csv.gz", "application/gzip", gzip(CSV))));
        assertColumns(acme.post(path(), "multipart/form-data; boundary=b", gzip(form("customers.csv", "text/csv", bytes(CSV))),
                "Content-Encoding", "gzip"));
    }

    @Test
    void aMessyCsvIsReadAsRfc4180WithItsDelimiterDetected() {
        String semicolons = "\uFEFFid;plan;spend;email\r\nc1;\"gold\";\"10.5\";\"a@example.com\"\r\n"
                + "c2;silver;n/a;\"b@example.com\"\r\nc3;gold; -3e2 ;c@example.com\r\n";
        assertColumns(acme.post(path(), "text/csv", bytes(semicolons)));
        assertColumns(acme.post(path(), "text/csv", bytes(CSV.replace(',', '\t'))));
        assertColumns(acme.post(path(), "text/csv", bytes(CSV.replace(',', '|'))));

        JsonNode quoted = acme.post("/api/v1/datasets?delimiter=%3B", "text/csv",
                bytes("id;note,with;spend\n1;\"a;b\";2\n2;\"say \"\"hi\"\"\nthere\";3\n")).json();
        assertThat(quoted.get("columns").toString())
                .isEqualTo("[{\"name\":\"note,with\",\"type\":\"CATEGORICAL\",\"missing\":0,\"distinct\":2},"
                        + "{\"name\":\"spend\",\"type\":\"NUMERIC\",\"missing\":0}]");
    }

    @Test
    void aJsonKeyFirstSeenLaterBecomesAColumnTheEarlierCustomersMiss() {
        JsonNode dataset = acme.post("/api/v1/datasets", "application/x-ndjson",
                bytes("{\"id\": 1, \"age\": 30}\n{\"id\": 2, \"age\": 40, \"vip\": true}\n{\"id\": 3, \"vip\": false}\n")).json();

        assertThat(dataset.get("rowCount").asInt()).isEqualTo(3);
        assertThat(dataset.get("columns").toString()).isEqualTo("[{\"name\":\"age\",\"type\":\"NUMERIC\",\"missing\":1},"
                + "{\"name\":\"vip\",\"type\":\"CATEGORICAL\",\"missing\":1,\"distinct\":2}]");
    }

    @Test
    void aNumericColumnWithAStrayValueIsCategoricalNotCoercedAndItsProfileCountsTheValues() {
        JsonNode dataset = acme.post("/api/v1/datasets", "text/csv", bytes("id,score\n1,10\n2,10\n3,n.a.\n4,7\n")).json();
        assertThat(dataset.get("columns").get(0).get("type").asString()).isEqualTo("CATEGORICAL");

        JsonNode profile = acme.get("/api/v1/datasets/" + dataset.get("id").asString() + "/profile").json();
        assertThat(profile.get("columns").get(0).get("values").toString())
                .isEqualTo("[{\"value\":\"10\",\"count\":2},{\"value\":\"7\",\"count\":1},{\"value\":\"n.a.\",\"count\":1}]");
        assertThat(profile.get("columns").get(0).get("numeric").isNull()).isTrue();
        assertThat(profile.get("correlation").get("columns")).isEmpty();
    }

    private static String path() {
        return "/api/v1/datasets?maxCategories=2";
    }

    private static void assertColumns(ApiClient.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        JsonNode dataset = response.json();
        assertThat(dataset.get("rowCount").asInt()).isEqualTo(3);
        assertThat(dataset.get("idColumn").asString()).isEqualTo("id");
        assertThat(dataset.get("columns").toString()).isEqualTo(EXPECTED_COLUMNS);
    }

    private static byte[] form(String fileName, String contentType, byte[] content) {
        ByteArrayOutputStream form = new ByteArrayOutputStream();
        form.writeBytes(bytes("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
                + (contentType == null ? "" : "Content-Type: " + contentType + "\r\n") + "\r\n"));
        form.writeBytes(content);
        form.writeBytes(bytes("\r\n--b--\r\n"));
        return form.toByteArray();
    }

    static byte[] gzip(String text) {
        return gzip(bytes(text));
    }

    static byte[] gzip(byte[] content) {
        return Gzip.compress(content);
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
