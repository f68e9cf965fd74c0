package org.customersegmentation.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.customersegmentation.support.ApiClient;
import org.customersegmentation.support.EndToEndTest;
import org.customersegmentation.support.Leftovers;
import org.customersegmentation.support.Tenants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

@EndToEndTest
class DatasetEndToEndTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    ApiClient acme;

    @BeforeEach
    void setUp() {
        acme = new ApiClient(port, Tenants.ACME_KEY);
    }

    @Test
    void aCsvBodyBecomesATypedDatasetWithItsMissingValuesCounted() {
        var response = acme.postCsv("/api/v1/datasets?name=bank", """
                Region,Customer_ID,Age,Annual Income,Score
                north,C-1,34,52000.5,
                south,C-2,,61000,700
                "east, coast",C-3,51,1.2e5,12f
                """);

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        JsonNode dataset = response.json();
        assertThat(response.headers().firstValue("Location")).hasValue("/api/v1/datasets/" + dataset.get("id").asString());
        assertThat(dataset.get("name").asString()).isEqualTo("bank");
        assertThat(dataset.get("rowCount").asInt()).isEqualTo(3);
        assertThat(dataset.get("idColumn").asString()).isEqualTo("Customer_ID");
        assertThat(dataset.get("createdAt").asString()).isNotBlank();
        assertThat(dataset.get("columns").toString()).isEqualTo("""
                [{"name":"Region","type":"CATEGORICAL","missing":0,"distinct":3},\
                {"name":"Age","type":"NUMERIC","missing":1},\
                {"name":"Annual Income","type":"NUMERIC","missing":0},\
                {"name":"Score","type":"CATEGORICAL","missing":1,"distinct":2}]""");

        assertThat(acme.get("/api/v1/datasets/" + dataset.get("id").asString()).json()).isEqualTo(dataset);
    }

    @Test
    void aMultipartUploadIsNamedAfterItsFileAndWithoutAnIdColumnCustomersAreNumbered() {
        var response = acme.postMultipart("/api/v1/datasets", "shoppers.csv", "age,spend\n20,1\n30,2\n40,3\n50,4\n");

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(response.json().get("name").asString()).isEqualTo("shoppers.csv");
        assertThat(response.json().get("idColumn").isNull()).isTrue();
        String jobId = acme.startJob("""
                {"datasetId": "%s", "k": 2, "seed": 5}""".formatted(response.json().get("id").asString()));
        acme.awaitFinished(jobId);
        JsonNode assignments = acme.get("/api/v1/segmentations/" + jobId + "/assignments").json().get("content");
        assertThat(assignments.values()).extracting(a -> a.get("customerId").asString()).containsExactly("1", "2", "3", "4");
    }

    @Test
    void anExplicitIdColumnWins() {
        var response = acme.postCsv("/api/v1/datasets?idColumn=email", "id,email,spend\n1,a@x.org,3\n2,b@x.org,4\n");

        assertThat(response.json().get("idColumn").asString()).isEqualTo("email");
        assertThat(response.json().get("columns").get(0).get("name").asString()).isEqualTo("id");
    }

    @Test
    void theListIsTheCallersOwnNewestFirstAndPaged() {
        ApiClient initech = new ApiClient(port, Tenants.INITECH_KEY);
        long before = initech.get("/api/v1/datasets").json().get("page").get("totalElements").asLong();
        String first = initech.uploadDataset("first", "a,b\n1,2\n");
        String second = initech.uploadDataset("second", "a,b\n1,2\n");
        String third = initech.uploadDataset("third", "a,b\n1,2\n");

        JsonNode page = initech.get("/api/v1/datasets?page=0&size=2").json();

        assertThat(page.get("content").values()).extracting(d -> d.get("id").asString()).containsExactly(third, second);
        long total = before + 3;
        assertThat(page.get("page").toString()).isEqualTo("{\"size\":2,\"number\":0,\"totalElements\":%d,\"totalPages\":%d}"
                .formatted(total, (total + 1) / 2));
        assertThat(initech.get("/api/v1/datasets?page=1&size=2").json().get("content").get(0).get("id").asString())
                .isEqualTo(first);
        assertThat(acme.get("/api/v1/datasets?size=1000").body()).doesNotContain(first, second, third);
        assertThat(acme.get("/api/v1/datasets?size=0").problem(400).get("detail").asString())
                .isEqualTo("size must be greater than or equal to 1.");
    }

    @Test
    void aRowWithTheWrongNumberOfFieldsIsRejectedNamingItsLine() {
        JsonNode problem = acme.postCsv("/api/v1/datasets", "id,age,spend\n1,20,3\n2,30\n3,40,5\n").problem(400);

        assertThat(problem.get("detail").asString()).isEqualTo("Line 3 has 2 fields but the header has 3.");
        assertThat(problem.get("line").asInt()).isEqualTo(3);
    }

    @Test
    void emptyAndHeaderOnlyUploadsAreRejected() {
        assertThat(acme.postCsv("/api/v1/datasets", "").problem(400).get("detail").asString()).contains("empty");
        assertThat(acme.postCsv("/api/v1/datasets", "id,age\n").problem(400).get("detail").asString()).contains("no customer rows");
    }

    @Test
    void badHeadersAndIdsAreRejectedNamingWhatToFix() {
        assertThat(acme.postCsv("/api/v1/datasets", "id,age,age\n1,2,3\n").problem(400).get("column").asString()).isEqualTo("age");
        assertThat(acme.postCsv("/api/v1/datasets", "id,,age\n1,2,3\n").problem(400).get("detail").asString())
                .isEqualTo("Column 2 has no name.");
        assertThat(acme.postCsv("/api/v1/datasets?idColumn=nope", "id,age\n1,2\n").problem(400).get("detail").asString())
                .contains("'nope'");
        JsonNode duplicate = acme.postCsv("/api/v1/datasets", "id,age\n7,20\n8,30\n7,40\n").problem(400);
        assertThat(duplicate.get("detail").asString()).contains("Lines 2 and 4");
        assertThat(duplicate.get("line").asInt()).isEqualTo(4);
        JsonNode emptyId = acme.postCsv("/api/v1/datasets", "id,age\n7,20\n,30\n").problem(400);
        assertThat(emptyId.get("line").asInt()).isEqualTo(3);
        assertThat(emptyId.get("column").asString()).isEqualTo("id");
    }

    @Test
    void aRejectedUploadLeavesNothingStored() {
        Leftovers before = Leftovers.in(jdbc);

        acme.postCsv("/api/v1/datasets", "id,age\n1,20\n2,30\n3\n").problem(400);
        acme.postCsv("/api/v1/datasets", "id,age\n1,20\n1,30\n").problem(400);

        assertThat(Leftovers.in(jdbc)).isEqualTo(before);
    }

    @Test
    void aNulCharacterIsRejectedNamingItsLineAndColumnAndNothingIsStored() {
        long datasets = count("dataset");

        JsonNode problem = acme.postCsv("/api/v1/datasets", "id,note\n1,fine\n2,bad\u0000byte\n").problem(400);

        assertThat(problem.get("detail").asString()).isEqualTo("Line 3 has a NUL character in column 'note'.");
        assertThat(problem.get("column").asString()).isEqualTo("note");
        assertThat(count("dataset")).isEqualTo(datasets);
    }

    @Test
    void aColumnWithNoValuesIsNotADefaultFeatureAndCannotBeNamedAsOne() {
        String datasetId = acme.uploadDataset("blank", "id,age,blank\n1,20,\n2,30,\n3,40,\n");

        var job = acme.postJson("/api/v1/segmentations", "{\"datasetId\": \"" + datasetId + "\", \"k\": 2}");
        assertThat(job.json().get("request").get("features").toString()).isEqualTo("[\"age\"]");
        assertThat(acme.postJson("/api/v1/segmentations",
                "{\"datasetId\": \"" + datasetId + "\", \"k\": 2, \"features\": [\"blank\"]}").problem(400)
                .get("detail").asString()).isEqualTo("Feature 'blank' has no values: every customer is missing it.");
    }

    @Test
    void anUploadOverTheConfiguredSizeIsRejectedAsTooLarge() {
        StringBuilder csv = new StringBuilder("id,note\n");
        for (int i = 0; csv.length() <= 1024 * 1024; i++) {
            csv.append(i).append(",some filler text to pass one megabyte quickly\n");
        }
        long datasets = count("dataset");

        assertThat(acme.postCsv("/api/v1/datasets", csv.toString()).problem(413).get("detail").asString()).contains("1 MB");
        acme.postMultipart("/api/v1/datasets", "big.csv", csv.toString()).problem(413);
        assertThat(count("dataset")).isEqualTo(datasets);
    }

    @Test
    void anUnsupportedContentTypeIsRejected() {
        acme.post("/api/v1/datasets", "application/xml", "<customers/>".getBytes(StandardCharsets.UTF_8)).problem(415);
        acme.post("/api/v1/datasets", "text/csv", "id,age\n1,2\n".getBytes(StandardCharsets.UTF_8),
                "Content-Encoding", "br").problem(415);
    }

    private long count(String table) {
        return jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class);
    }
}
