package org.customersegmentation.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.customersegmentation.support.ApiClient;
import org.customersegmentation.support.CustomerGroups;
import org.customersegmentation.support.EndToEndTest;
import org.customersegmentation.support.Tenants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** Segments that people name, describe and tag, over real HTTP, and where those names then appear. */
@EndToEndTest
class SegmentNamingEndToEndTest {

    static final String MERGE_PATCH = "application/merge-patch+json";

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate jdbc;

    ApiClient acme;
    String jobId;
    JsonNode segments;

    @BeforeEach
    void segment() {
        acme = new ApiClient(port, Tenants.ACME_KEY);
        CustomerGroups groups = CustomerGroups.generate(33, new int[] {80, 50, 30}, 9);
        String datasetId = acme.uploadDataset("to-name", groups.csv());
        jobId = acme.startJob("{\"datasetId\": \"" + datasetId + "\", \"k\": 3, \"seed\": 5}");
        assertThat(acme.awaitFinished(jobId).get("status").asString()).isEqualTo("SUCCEEDED");
        segments = result().get("segments");
    }

    @Test
    void aNameDescriptionAndTagsAreKeptAndTheSamePatchTwiceGivesTheSameSegment() {
        String patch = """
                {"name": "  Young Wealth Builders ", "description": "Earn early, save more", "tags": ["premium", "q3", "premium"]}""";

        JsonNode first = patch(1, patch).json();
        JsonNode again = patch(1, patch).json();

        assertThat(first.get("segment").asInt()).isEqualTo(1);
        assertThat(first.get("name").asString()).isEqualTo("Young Wealth Builders");
        assertThat(first.get("nameSource").asString()).isEqualTo("USER");
        assertThat(first.get("label").asString()).isEqualTo(segments.get(1).get("label").asString());
        assertThat(first.get("description").asString()).isEqualTo("Earn early, save more");
        assertThat(first.get("tags").values()).extracting(JsonNode::asString).containsExactly("premium", "q3");
        assertThat(again).isEqualTo(first);
        assertThat(result().get("segments").get(1)).isEqualTo(first);
        JsonNode untouched = result().get("segments").get(0);
        assertThat(untouched.get("name").asString()).isEqualTo(segments.get(0).get("label").asString());
        assertThat(untouched.get("nameSource").asString()).isEqualTo("AUTOMATIC");
        assertThat(untouched.get("description").isNull()).isTrue();
        assertThat(untouched.get("tags").isEmpty()).isTrue();
    }

    @Test
    void aFieldLeftOutStaysAndNullClearsItSoTheSegmentGoesBackToItsLabel() {
        patch(2, "{\"name\": \"Bargain hunters\", \"description\": \"Coupons\", \"tags\": [\"discount\"]}");

        JsonNode renamedOnly = patch(2, "{\"name\": \"Deal seekers\"}").json();
        assertThat(renamedOnly.get("description").asString()).isEqualTo("Coupons");
        assertThat(renamedOnly.get("tags").values()).extracting(JsonNode::asString).containsExactly("discount");

        JsonNode cleared = acme.patch("/api/v1/segmentations/" + jobId + "/segments/2", "application/json",
                "{\"name\": null, \"tags\": null}").json();
        assertThat(cleared.get("name").asString()).isEqualTo(segments.get(2).get("label").asString());
        assertThat(cleared.get("nameSource").asString()).isEqualTo("AUTOMATIC");
        assertThat(cleared.get("tags").isEmpty()).isTrue();
        assertThat(cleared.get("description").asString()).isEqualTo("Coupons");
    }

    @Test
    void aNameAnotherSegmentGoesByIsAConflictWhateverItsCase() {
        String otherLabel = segments.get(0).get("label").asString();
        JsonNode taken = patch(1, "{\"name\": \"" + otherLabel.toUpperCase() + "\"}").problem(409);
        assertThat(taken.get("detail").asString()).isEqualTo("Segment 0 is already called \"" + otherLabel
                + "\"; segments of one segmentation need different names.");
        assertThat(taken.get("segment").asInt()).isZero();

        patch(0, "{\"name\": \"Loyal\"}");
        patch(1, "{\"name\": \"loyal\"}").problem(409);
        assertThat(patch(1, "{\"name\": \"" + otherLabel + "\"}").status()).isEqualTo(200); // 0 no longer goes by it
        assertThat(patch(0, "{\"name\": \"Loyal\"}").status()).isEqualTo(200); // its own name again
    }

    @Test
    void twoRenamesRacingForOneNameLeaveOneWinner() throws Exception {
        CompletableFuture<ApiClient.Response> first;
        CompletableFuture<ApiClient.Response> second;
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement(
                    "SELECT 1 FROM segment WHERE job_id = ? FOR UPDATE")) {
                lock.setObject(1, UUID.fromString(jobId));
                lock.executeQuery().close();
            }
            first = CompletableFuture.supplyAsync(() -> patch(1, "{\"name\": \"Champions\"}"));
            second = CompletableFuture.supplyAsync(() -> patch(2, "{\"name\": \"champions\"}"));
            // both renames have read the job and now wait for the segments' locks
            await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject("SELECT count(*) FROM pg_stat_activity "
                    + "WHERE wait_event_type = 'Lock' AND query LIKE '%FOR UPDATE'", Integer.class) == 2);
            holder.commit();
        }
        List<Integer> statuses = List.of(first.get().status(), second.get().status());

        assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM segment WHERE job_id = ? AND lower(custom_name) = 'champions'",
                Integer.class, UUID.fromString(jobId))).isEqualTo(1);
    }

    @Test
    void badPatchesSayWhatToFixAndChangeNothing() {
        String before = result().get("segments").get(1).toString();
        record Bad(String body, String parameter, String detail) {
        }
        for (Bad bad : List.of(
                new Bad("{\"name\": \"   \"}", "name", "name must be 1 to 80 characters after trimming, not 0; send "
                        + "null to go back to the automatic label."),
                new Bad("{\"name\": \"" + "x".repeat(81) + "\"}", "name", "name must be 1 to 80 characters after "
                        + "trimming, not 81; send null to go back to the automatic label."),
                new Bad("{\"name\": \"two\\nlines\"}", "name", "name must be one line of text, without control "
                        + "characters such as tabs or line breaks."),
                new Bad("{\"name\": 7}", "name", "name must be a string, or null to clear it."),
                new Bad("{\"description\": \"" + "d".repeat(2001) + "\"}", "description",
                        "description must be at most 2000 characters, not 2001."),
                new Bad("{\"tags\": \"vip\"}", "tags", "tags must be an array of strings, or null to clear them."),
                new Bad("{\"tags\": [\"" + "t".repeat(41) + "\"]}", "tags",
                        "Each tag must be a string of 1 to 40 characters after trimming."),
                new Bad("{\"tags\": [" + IntStream.rangeClosed(0, 20).mapToObj(i -> "\"t" + i + "\"")
                        .collect(Collectors.joining(",")) + "]}",
                        "tags", "A segment takes at most 20 tags, not 21."),
                new Bad("{\"name\": \"ok\", \"colour\": \"red\"}", "colour",
                        "Unknown field \"colour\"; a segment takes name, description and tags."),
                new Bad("[\"name\"]", "body", "The body must be a JSON object with any of name, description and tags."))) {
            JsonNode problem = patch(1, bad.body()).problem(400);
            assertThat(problem.get("parameter").asString()).as(bad.body()).isEqualTo(bad.parameter());
            assertThat(problem.get("detail").asString()).as(bad.body()).isEqualTo(bad.detail());
        }
        assertThat(acme.patch("/api/v1/segmentations/" + jobId + "/segments/1", "text/plain", "name=x").status())
                .isEqualTo(415);
        assertThat(result().get("segments").get(1).toString()).isEqualTo(before);
    }

    @Test
    void unknownSegmentsJobsAndOtherTenantsAreNotFoundAndAFailedJobIsAConflict() {
        assertThat(patch(3, "{\"name\": \"x\"}").problem(404).get("detail").asString())
                .isEqualTo("No segment with id 3 in segmentation " + jobId + ".");
        acme.patch("/api/v1/segmentations/" + UUID.randomUUID() + "/segments/0", MERGE_PATCH, "{\"name\": \"x\"}")
                .problem(404);
        new ApiClient(port, Tenants.GLOBEX_KEY).patch("/api/v1/segmentations/" + jobId + "/segments/0", MERGE_PATCH,
                "{\"name\": \"x\"}").problem(404);

        String identical = acme.uploadDataset("identical", "id,spend\na,5\nb,5\nc,5\n");
        String failed = acme.startJob("{\"datasetId\": \"" + identical + "\", \"k\": 2, \"seed\": 1}");
        assertThat(acme.awaitFinished(failed).get("status").asString()).isEqualTo("FAILED");
        acme.patch("/api/v1/segmentations/" + failed + "/segments/0", MERGE_PATCH, "{\"name\": \"x\"}").problem(409);
        assertThat(result().get("segments").get(0).get("nameSource").asString()).isEqualTo("AUTOMATIC");
    }

    @Test
    void theNameIsWhatPredictionsTheReportAndTheChartsCallTheSegment() {
        patch(0, "{\"name\": \"Young Wealth Builders\"}");
        patch(1, "{\"name\": \"<script>alert(1)</script> & Co\"}");

        JsonNode predictions = acme.postJson("/api/v1/segmentations/" + jobId + "/predict",
                "[" + customerAtCentreOf(0) + "," + customerAtCentreOf(1) + "]").json();
        assertThat(predictions.get(0).get("name").asString()).isEqualTo("Young Wealth Builders");
        assertThat(predictions.get(0).get("label").asString()).isEqualTo(segments.get(0).get("label").asString());
        assertThat(predictions.get(1).get("name").asString()).isEqualTo("<script>alert(1)</script> & Co");

        URI reportUrl = URI.create(result().get("reportUrl").asString());
        String html = new ApiClient(port, null).get(reportUrl.getPath() + "?" + reportUrl.getRawQuery()).body();
        assertThat(html).contains("<span class=\"segment-name\">Young Wealth Builders</span>",
                "<span class=\"segment-name\">&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co</span>",
                "automatic label: " + segments.get(0).get("label").asString())
                .doesNotContain("<script>alert(1)</script>");

        for (String chart : List.of("sizes", "scatter", "profiles", "boxplots")) {
            String svg = acme.get("/api/v1/segmentations/" + jobId + "/charts/" + chart + ".svg").body();
            assertThat(svg).as(chart).contains("S1 · Young Wealth Builders", "S2 · &lt;script&gt;alert(1)&lt;/script&gt; &amp; Co");
        }

        String csv = acme.get("/api/v1/segmentations/" + jobId + "/assignments?segment=1", "Accept", "text/csv").body();
        assertThat(csv.lines().skip(1)).isNotEmpty()
                .allMatch(row -> row.split(",")[2].equals("S2") && row.split(",")[3].equals("<script>alert(1)</script> & Co"));
        String someone = acme.get("/api/v1/segmentations/" + jobId + "/assignments?segment=0&size=1").json()
                .get("content").get(0).get("customerId").asString();
        assertThat(acme.get("/api/v1/segmentations/" + jobId + "/assignments/" + someone).json().get("name").asString())
                .isEqualTo("Young Wealth Builders");

        patch(0, "{\"name\": \"Old money\"}");
        assertThat(acme.postJson("/api/v1/segmentations/" + jobId + "/predict", "[" + customerAtCentreOf(0) + "]")
                .json().get(0).get("name").asString()).isEqualTo("Old money"); // the cached model has not kept the old name
    }

    @Test
    void namesGoWithTheirSegmentation() {
        patch(0, "{\"name\": \"Gone soon\", \"tags\": [\"x\"]}");

        assertThat(acme.delete("/api/v1/segmentations/" + jobId).status()).isEqualTo(204);

        assertThat(jdbc.queryForObject("SELECT count(*) FROM segment WHERE job_id = ?", Integer.class,
                UUID.fromString(jobId))).isZero();
    }

    private String customerAtCentreOf(int segment) {
        JsonNode centroid = segments.get(segment).get("centroid");
        StringBuilder customer = new StringBuilder("{");
        for (String feature : CustomerGroups.FEATURES) {
            customer.append('"').append(feature).append("\": ").append(centroid.get(feature).asDouble()).append(", ");
        }
        return customer.append("\"customer_id\": \"new\"}").toString();
    }

    private ApiClient.Response patch(int segment, String body) {
        return acme.patch("/api/v1/segmentations/" + jobId + "/segments/" + segment, MERGE_PATCH, body);
    }

    private JsonNode result() {
        return acme.get("/api/v1/segmentations/" + jobId + "/result").json();
    }
}
