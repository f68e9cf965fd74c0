package org.customersegmentation.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.customersegmentation.support.ApiClient;
import org.customersegmentation.support.CustomerGroups;
import org.customersegmentation.support.EndToEndTest;
import org.customersegmentation.support.PausingResponses;
import org.customersegmentation.support.Tenants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The assignments as CSV and NDJSON exports, filtered by segment, and one customer's by its ID. */
@EndToEndTest
class AssignmentExportEndToEndTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** IDs a spreadsheet would run as formulas, and one that needs CSV's quoting. */
    private static final Map<String, String> SPECIAL_IDS = Map.of(
            "CUST-1-0", "=HYPERLINK(\"x\")",
            "CUST-0-0", "+49 170",
            "CUST-0-1", "-7",
            "CUST-0-2", "@SUM(A1)",
            "CUST-2-0", "Smith, \"J\"\nand co");
    private static final int[] SIZES = {300, 120, 60};

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
    void theCsvExportHoldsEveryCustomerAsThePagedJsonDoes() {
        Segmented job = segment(7, SIZES);

        ApiClient.Response csv = acme.get(assignments(job.id()), "Accept", "text/csv");
        assertThat(csv.status()).as(csv.body()).isEqualTo(200);
        assertThat(csv.contentType()).isEqualTo("text/csv;charset=UTF-8");
        assertThat(csv.headers().firstValue("Content-Disposition")).contains(
                "attachment; filename=\"segmentation-" + job.id() + "-assignments.csv\"");
        List<CsvRecord> records = CsvReader.builder().ofCsvRecord(csv.body()).stream().toList();
        assertThat(records.getFirst().getFields()).containsExactly("customerId", "segment", "key", "name", "distance");

        List<JsonNode> page = page(assignments(job.id()) + "?size=10000");
        assertThat(records).hasSize(page.size() + 1);
        for (int i = 0; i < page.size(); i++) {
            JsonNode expected = page.get(i);
            CsvRecord row = records.get(i + 1);
            assertThat(row.getFieldCount()).isEqualTo(5);
            assertThat(row.getField(0)).isEqualTo(spreadsheetSafe(expected.get("customerId").asString()));
            assertThat(Integer.parseInt(row.getField(1))).isEqualTo(expected.get("segment").asInt());
            assertThat(row.getField(2)).isEqualTo(expected.get("key").asString());
            assertThat(row.getField(3)).isEqualTo(expected.get("name").asString());
            assertThat(Double.parseDouble(row.getField(4))).isEqualTo(expected.get("distance").asDouble());
        }
        // the known data: segments are numbered by size, so customer of group g is in segment g, in upload order
        assertThat(page).extracting(item -> item.get("customerId").asString()).containsExactlyElementsOf(job.ids());
        page.forEach(item -> assertThat(item.get("segment").asInt())
                .isEqualTo(job.groups().get(item.get("customerId").asString())));
        // not a refresh: segment s is keyed S(s+1)
        page.forEach(item -> assertThat(item.get("key").asString()).isEqualTo("S" + (item.get("segment").asInt() + 1)));
        JsonNode segments = acme.get("/api/v1/segmentations/" + job.id() + "/result").json().get("segments");
        page.forEach(item -> assertThat(item.get("name").asString())
                .isEqualTo(segments.get(item.get("segment").asInt()).get("label").asString()));
    }

    @Test
    void aCustomerIdThatASpreadsheetWouldRunIsWrittenAsTextInTheCsvOnly() {
        Segmented job = segment(11, SIZES);

        String csv = acme.get(assignments(job.id()), "Accept", "text/csv").body();
        assertThat(csv).contains("\n\"'=HYPERLINK(\"\"x\"\")\",1,S2,", "\n'+49 170,0,S1,", "\n'-7,0,S1,",
                "\n'@SUM(A1),0,S1,", "\n\"Smith, \"\"J\"\"\nand co\",2,S3,");
        assertThat(csv).doesNotContain("\n=HYPERLINK", "\n\"=HYPERLINK");

        String ndjson = acme.get(assignments(job.id()), "Accept", "application/x-ndjson").body();
        assertThat(ndjson).contains("{\"customerId\":\"=HYPERLINK(\\\"x\\\")\",\"segment\":1,");
        JsonNode lookedUp = acme.get(assignments(job.id()) + "/" + encode("=HYPERLINK(\"x\")")).json();
        assertThat(lookedUp.get("customerId").asString()).isEqualTo("=HYPERLINK(\"x\")");
    }

    @Test
    void aSegmentsGivenNameIsItsNameEverywhereAndWrittenAsTextInTheCsv() {
        Segmented job = segment(37, SIZES);
        // the endpoint that names segments is another part of issue 17; its column is V21's
        jdbc.update("UPDATE segment SET custom_name = ? WHERE job_id = ?::uuid AND segment = 1", "=Loyal, \"gold\"",
                job.id());

        String customer = job.ids().stream().filter(id -> job.groups().get(id) == 1).findFirst().orElseThrow();
        assertThat(acme.get(assignments(job.id()) + "/" + encode(customer)).json().get("name").asString())
                .isEqualTo("=Loyal, \"gold\"");
        assertThat(page(assignments(job.id()) + "?segment=1&size=10000"))
                .allSatisfy(item -> assertThat(item.get("name").asString()).isEqualTo("=Loyal, \"gold\""));
        List<CsvRecord> csv = CsvReader.builder().ofCsvRecord(acme.get(assignments(job.id()) + "?segment=1", "Accept",
                "text/csv").body()).stream().skip(1).toList();
        assertThat(csv).hasSize(SIZES[1]).allSatisfy(row -> assertThat(row.getField(3)).isEqualTo("'=Loyal, \"gold\""));
        assertThat(acme.get(assignments(job.id()) + "?segment=1", "Accept", "application/x-ndjson").body().lines())
                .allSatisfy(line -> assertThat(JSON.readTree(line).get("name").asString()).isEqualTo("=Loyal, \"gold\""));
    }

    @Test
    void theNdjsonExportIsOneObjectPerLineAsThePagedJsonHasThem() {
        Segmented job = segment(13, SIZES);

        ApiClient.Response ndjson = acme.get(assignments(job.id()), "Accept", "application/x-ndjson");
        assertThat(ndjson.status()).as(ndjson.body()).isEqualTo(200);
        assertThat(ndjson.contentType()).isEqualTo("application/x-ndjson");
        assertThat(ndjson.headers().firstValue("Content-Disposition")).contains(
                "attachment; filename=\"segmentation-" + job.id() + "-assignments.ndjson\"");
        assertThat(ndjson.body()).endsWith("}\n");
        List<JsonNode> lines = ndjson.body().lines().map(JSON::readTree).toList();
        assertThat(lines).containsExactlyElementsOf(page(assignments(job.id()) + "?size=10000"));
        assertThat(lines.getFirst().propertyNames()).containsExactly("customerId", "segment", "key", "name", "distance");
    }

    @Test
    void theSegmentFilterAppliesToAllThreeForms() {
        Segmented job = segment(17, SIZES);
        String filtered = assignments(job.id()) + "?segment=0&segment=2";
        List<String> expected = job.ids().stream().filter(id -> job.groups().get(id) != 1).toList();

        JsonNode firstPage = acme.get(filtered + "&size=100").json();
        assertThat(firstPage.get("page").get("totalElements").asLong()).isEqualTo(SIZES[0] + SIZES[2]);
        assertThat(firstPage.get("page").get("totalPages").asInt()).isEqualTo(4);
        assertThat(page(filtered + "&size=10000")).extracting(item -> item.get("customerId").asString())
                .containsExactlyElementsOf(expected);

        List<CsvRecord> csv = CsvReader.builder().ofCsvRecord(acme.get(filtered, "Accept", "text/csv").body())
                .stream().skip(1).toList();
        assertThat(csv).extracting(row -> row.getField(0)).containsExactlyElementsOf(
                expected.stream().map(AssignmentExportEndToEndTest::spreadsheetSafe).toList());
        assertThat(csv).extracting(row -> row.getField(1)).containsOnly("0", "2");

        List<JsonNode> ndjson = acme.get(filtered, "Accept", "application/x-ndjson").body().lines()
                .map(JSON::readTree).toList();
        assertThat(ndjson).extracting(line -> line.get("customerId").asString()).containsExactlyElementsOf(expected);

        for (String accept : List.of("application/json", "text/csv", "application/x-ndjson")) {
            JsonNode problem = acme.get(assignments(job.id()) + "?segment=1&segment=3", "Accept", accept).problem(400);
            assertThat(problem.get("parameter").asString()).isEqualTo("segment");
            assertThat(problem.get("detail").asString())
                    .isEqualTo("segment 3 is not a segment of this segmentation; its segments are 0 to 2.");
        }
        acme.get(assignments(job.id()) + "?segment=-1").problem(400);
    }

    @Test
    void oneCustomerIsFoundByItsIdAndAnUnknownOneIsNamedInThe404() {
        Segmented job = segment(19, SIZES);
        String id = job.ids().get(42);

        JsonNode assignment = acme.get(assignments(job.id()) + "/" + encode(id)).json();
        JsonNode inPage = page(assignments(job.id()) + "?size=10000").get(42);
        assertThat(assignment).isEqualTo(inPage);
        assertThat(assignment.get("segment").asInt()).isEqualTo(job.groups().get(id));

        JsonNode problem = acme.get(assignments(job.id()) + "/NO-SUCH-CUSTOMER").problem(404);
        assertThat(problem.get("detail").asString()).isEqualTo("No customer with id NO-SUCH-CUSTOMER.");
    }

    @Test
    void withoutAnIdColumnCustomersGoByTheirRowNumbersAndADroppedOneIsNotFound() {
        String datasetId = acme.uploadDataset("no-ids", "spend,age\n10,30\n12,\n40,50\n41,52\n");
        String jobId = acme.startJob("{\"datasetId\": \"" + datasetId + "\", \"k\": 2, \"seed\": 1, "
                + "\"missingValues\": \"DROP_ROWS\"}");
        assertThat(acme.awaitFinished(jobId).get("status").asString()).isEqualTo("SUCCEEDED");

        JsonNode third = acme.get(assignments(jobId) + "/3").json();

        assertThat(third.get("customerId").asString()).isEqualTo("3");
        assertThat(third).isEqualTo(page(assignments(jobId)).get(1)); // row 2 was left out: it has no age
        for (String unknown : List.of("2", "03", "5", "0", "x")) {
            acme.get(assignments(jobId) + "/" + unknown).problem(404);
        }
    }

    @Test
    void anotherTenantsSegmentationIsNotFoundOnEveryNewForm() {
        Segmented job = segment(23, SIZES);
        ApiClient globex = new ApiClient(port, Tenants.GLOBEX_KEY);

        globex.get(assignments(job.id()), "Accept", "text/csv").problem(404);
        globex.get(assignments(job.id()), "Accept", "application/x-ndjson").problem(404);
        globex.get(assignments(job.id()) + "?segment=0").problem(404);
        globex.get(assignments(job.id()) + "/" + encode(job.ids().getFirst())).problem(404);
    }

    @Test
    void aSegmentationThatDidNotSucceedIsAConflictOnEveryNewForm() {
        String datasetId = upload(31, new int[] {9_000, 4_000, 2_000}).datasetId();
        // minutes of work: cancelled long before it could succeed
        String jobId = acme.startJob("""
                {"datasetId": "%s", "kRange": {"min": 2, "max": 40}, "restarts": 100, "seed": 1}""".formatted(datasetId));
        assertThat(acme.postJson("/api/v1/segmentations/" + jobId + "/cancel", "").status()).isEqualTo(202);

        for (String accept : List.of("application/json", "text/csv", "application/x-ndjson")) {
            JsonNode problem = acme.get(assignments(jobId) + "?segment=0", "Accept", accept).problem(409);
            assertThat(problem.get("jobStatus").asString()).isEqualTo("CANCELLED");
        }
        acme.get(assignments(jobId) + "/CUST-0-5").problem(409);
    }

    /**
     * A client that goes away half-way through an export: the service stops, gives its database connection back,
     * and goes on serving. The service is held (not timed) at the moment the client closes.
     */
    @Test
    void aClientThatLeavesMidExportLeavesThePoolWhole() throws Exception {
        Segmented job = segment(29, new int[] {9_000, 4_000, 2_000});
        PausingResponses.Pause pause = PausingResponses.pauseAfter(128 * 1024);

        try (Socket socket = new Socket("localhost", port)) {
            OutputStream request = socket.getOutputStream();
            request.write(("GET " + assignments(job.id()) + " HTTP/1.1\r\nHost: localhost\r\nAccept: text/csv\r\n"
                    + "X-API-Key: " + Tenants.ACME_KEY + "\r\n" + PausingResponses.HEADER + ": " + pause.token()
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            request.flush();
            InputStream response = socket.getInputStream();
            byte[] firstBytes = response.readNBytes(8 * 1024);
            assertThat(new String(firstBytes, StandardCharsets.UTF_8)).startsWith("HTTP/1.1 200")
                    .contains("customerId,segment,key,name,distance");
            pause.awaitReached(Duration.ofSeconds(30));
            assertThat(activeConnections()).as("the paused export holds a connection").isPositive();
        }
        pause.resume();

        pause.awaitWriteFailed(Duration.ofSeconds(30));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(this::activeConnections, active -> active == 0);
        // more requests at once than the pool has connections (10), each needing one: a connection left out of
        // step by the abandoned COPY would answer one of them with another's rows
        try (ExecutorService clients = Executors.newFixedThreadPool(24)) {
            List<CompletableFuture<JsonNode>> lookups = job.ids().stream().filter(id -> id.startsWith("CUST-"))
                    .limit(48).map(id -> CompletableFuture.supplyAsync(() -> {
                        ApiClient.Response response = acme.get(assignments(job.id()) + "/" + id);
                        assertThat(response.status()).as(response.body()).isEqualTo(200);
                        return response.json();
                    }, clients)).toList();
            assertThat(lookups).extracting(lookup -> lookup.join().get("customerId").asString())
                    .containsExactlyElementsOf(job.ids().stream().filter(id -> id.startsWith("CUST-")).limit(48).toList());
        }
        assertThat(CsvReader.builder().ofCsvRecord(acme.get(assignments(job.id()), "Accept", "text/csv").body())
                .stream().count()).isEqualTo(15_001);
    }

    /** A succeeded job over generated customers, a few with {@link #SPECIAL_IDS}. */
    private record Segmented(String id, List<String> ids, Map<String, Integer> groups) {
    }

    private Segmented segment(long seed, int[] sizes) {
        Uploaded uploaded = upload(seed, sizes);
        String jobId = acme.startJob("""
                {"datasetId": "%s", "k": 3, "seed": 42}""".formatted(uploaded.datasetId()));
        assertThat(acme.awaitFinished(jobId).get("status").asString()).isEqualTo("SUCCEEDED");
        return new Segmented(jobId, uploaded.ids(), uploaded.groups());
    }

    private record Uploaded(String datasetId, List<String> ids, Map<String, Integer> groups) {
    }

    private Uploaded upload(long seed, int[] sizes) {
        CustomerGroups generated = CustomerGroups.generate(seed, sizes, 0);
        List<String> ids = new ArrayList<>();
        Map<String, Integer> groups = new HashMap<>();
        StringBuilder csv = new StringBuilder("customer_id,age,income,score\n");
        for (CustomerGroups.Customer customer : generated.customers()) {
            String id = SPECIAL_IDS.getOrDefault(customer.id(), customer.id());
            ids.add(id);
            groups.put(id, customer.group());
            csv.append('"').append(id.replace("\"", "\"\"")).append('"');
            for (double value : customer.values()) {
                csv.append(',').append(value);
            }
            csv.append('\n');
        }
        return new Uploaded(acme.uploadDataset("export-" + seed, csv.toString()), ids, groups);
    }

    private static String assignments(String jobId) {
        return "/api/v1/segmentations/" + jobId + "/assignments";
    }

    private List<JsonNode> page(String path) {
        ApiClient.Response response = acme.get(path);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("content").valueStream().toList();
    }

    /** Connections in use, from the metrics, which the operator's key opens. */
    private int activeConnections() {
        ApiClient.Response metrics = ApiClient.operator(port, Tenants.OPERATOR_KEY).get("/actuator/prometheus");
        assertThat(metrics.status()).as("the metrics answer").isEqualTo(200);
        return metrics.body().lines()
                .filter(line -> line.startsWith("hikaricp_connections_active{"))
                .mapToInt(line -> (int) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    private static String spreadsheetSafe(String text) {
        return text.isEmpty() || "=+-@\t\r".indexOf(text.charAt(0)) < 0 ? text : "'" + text;
    }

    private static String encode(String customerId) {
        return URLEncoder.encode(customerId, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
