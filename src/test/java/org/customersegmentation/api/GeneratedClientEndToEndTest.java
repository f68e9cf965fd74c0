package org.customersegmentation.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.customersegmentation.client.ApiClient;
import org.customersegmentation.client.ApiException;
import org.customersegmentation.client.ApiResponse;
import org.customersegmentation.client.api.ChartsApi;
import org.customersegmentation.client.api.DatasetsApi;
import org.customersegmentation.client.api.SegmentationsApi;
import org.customersegmentation.client.model.AssignmentView;
import org.customersegmentation.client.model.DatasetView;
import org.customersegmentation.client.model.JobView;
import org.customersegmentation.client.model.PagedModelAssignmentView;
import org.customersegmentation.client.model.PredictionView;
import org.customersegmentation.client.model.Problem;
import org.customersegmentation.client.model.Segment;
import org.customersegmentation.client.model.SegmentPatch;
import org.customersegmentation.client.model.SegmentationRequest;
import org.customersegmentation.client.model.SegmentationResult;
import org.customersegmentation.support.EndToEndTest;
import org.customersegmentation.support.Tenants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The API contract as an integrator meets it: the Java client that openapi-generator makes from the committed
 * openapi/openapi.yaml (at generate-test-sources, with validation), and nothing else: no interceptor, no body
 * written by hand. A description that generated clients cannot use fails here.
 */
@EndToEndTest
class GeneratedClientEndToEndTest {

    static final Path CUSTOMERS = Path.of("examples", "customers.csv");
    static final Map<String, String> ACME = Map.of("X-API-Key", Tenants.ACME_KEY);

    @LocalServerPort
    int port;

    DatasetsApi datasets;
    SegmentationsApi segmentations;
    ChartsApi charts;
    ApiClient client;

    @BeforeEach
    void setUp() {
        client = new ApiClient();
        client.updateBaseUri("http://localhost:" + port);
        datasets = new DatasetsApi(client);
        segmentations = new SegmentationsApi(client);
        charts = new ChartsApi(client);
    }

    @Test
    void csvNdjsonAndMultipartUploadsReachTheServiceAsTheSameCustomers() throws Exception {
        ApiResponse<DatasetView> csv = datasets.uploadDatasetWithCsvWithHttpInfo(Files.readString(CUSTOMERS),
                "bank-csv", null, null, null, null, ACME);
        DatasetView ndjson = datasets.uploadDatasetWithXNDJSON(ndjson(CUSTOMERS), "bank-ndjson", null, null, null, null,
                ACME);
        DatasetView multipart = datasets.uploadDatasetWithFormData(CUSTOMERS.toFile(), null, null, null, null, null, ACME);

        assertThat(csv.getStatusCode()).isEqualTo(201);
        assertThat(header(csv, "Location")).isEqualTo("/api/v1/datasets/" + csv.getData().getId());
        for (DatasetView dataset : List.of(csv.getData(), ndjson, multipart)) {
            assertThat(dataset.getRowCount()).isEqualTo(1000);
            assertThat(dataset.getIdColumn()).isEqualTo("customer_id");
            assertThat(dataset.getColumns()).hasSize(6);
        }
        assertThat(multipart.getName()).isEqualTo("customers.csv");
    }

    @Test
    void aJobStartedWithOnlyItsDatasetKAndSeedIsPolledToTheEndAndItsSegmentsAreRead() throws Exception {
        UUID datasetId = datasets.uploadDatasetWithCsv(Files.readString(CUSTOMERS), "bank", null, null, null, null, ACME)
                .getId();

        ApiResponse<JobView> started = segmentations.startSegmentationWithHttpInfo(
                new SegmentationRequest().datasetId(datasetId).k(4).seed(42L), null, ACME);

        assertThat(started.getStatusCode()).isEqualTo(202);
        assertThat(header(started, "Location")).isEqualTo("/api/v1/segmentations/" + started.getData().getId());
        UUID jobId = started.getData().getId();
        JobView finished = pollUntilFinished(jobId, Long.parseLong(header(started, "Retry-After")));
        assertThat(finished.getStatus()).isEqualTo(JobView.StatusEnum.SUCCEEDED);

        SegmentationResult result = segmentations.getSegmentationResult(jobId, ACME);
        assertThat(result.getK()).isEqualTo(4);
        assertThat(result.getSegments()).extracting(segment -> segment.getSize()).containsExactly(311, 251, 230, 208);
        PagedModelAssignmentView page = segmentations.listAssignmentsAsJson(jobId, 0, 10, null, ACME);
        assertThat(page.getContent()).hasSize(10);
        assertThat(page.getPage().getTotalElements()).isEqualTo(1000L);
        AssignmentView first = segmentations.getAssignment(jobId, page.getContent().getFirst().getCustomerId(), ACME);
        assertThat(first).isEqualTo(page.getContent().getFirst());
        // an export downloads as a file: one line for each of the largest segment's 311 customers
        File ndjson = segmentations.listAssignmentsAsXNDJSON(jobId, null, null, List.of(0), ACME);
        assertThat(Files.readAllLines(ndjson.toPath())).hasSize(311);

        Segment renamed = segmentations.editSegment(jobId, 0,
                new SegmentPatch().name("Young Wealth Builders").tags(List.of("premium")), ACME);
        assertThat(renamed.getName()).isEqualTo("Young Wealth Builders");
        assertThat(renamed.getNameSource()).isEqualTo(Segment.NameSourceEnum.USER);
        Segment described = segmentations.editSegment(jobId, 0, new SegmentPatch().description("Earn early"), ACME);
        assertThat(described.getTags()).containsExactly("premium"); // a patch that leaves tags out keeps them
        assertThat(described.getDescription()).isEqualTo("Earn early");

        Map<String, Object> withoutIncome = new HashMap<>(customer("N3", 61, 0, 710, 2000, 90000, "west"));
        withoutIncome.put("annual_income", null);
        List<PredictionView> predictions = segmentations.predictSegments(jobId, List.of(
                customer("N1", 29, 52000, 700, 1000, 5000, "north"), customer("N2", 35, 40000, 520, 150000, 0, "south"),
                withoutIncome), ACME);
        assertThat(predictions).extracting(PredictionView::getCustomerId).containsExactly("N1", "N2", "N3");
        assertThat(predictions).allSatisfy(prediction -> assertThat(prediction.getDistances()).hasSize(4));
        assertThat(predictions).allSatisfy(prediction -> assertThat(prediction.getName()).isEqualTo(
                prediction.getSegment() == 0 ? "Young Wealth Builders"
                        : result.getSegments().get(prediction.getSegment()).getLabel()));

        ApiException tooSmall = catchApiException(() -> segmentations.listAssignmentsAsJson(jobId, 0, 0, null, ACME));
        assertThat(tooSmall.getCode()).isEqualTo(400);
        Problem problem = client.getObjectMapper().readValue(tooSmall.getResponseBody(), Problem.class);
        assertThat(problem.getParameter()).isEqualTo("size");
        assertThat(problem.getStatus()).isEqualTo(400);

        String token = queryParameter(result.getReportUrl(), "token");
        File report = charts.getSegmentationReport(jobId, token); // no API key: the token opens it
        assertThat(Files.readString(report.toPath(), StandardCharsets.UTF_8)).startsWith("<!DOCTYPE html>")
                .contains("Customer segments: bank");
    }

    @Test
    void aRequestWithoutAKeyIsRefusedAsAProblemTheClientReads() {
        ApiException refused = catchApiException(() -> datasets.listDatasets(0, 10));

        assertThat(refused.getCode()).isEqualTo(401);
        assertThatThrownBy(() -> charts.getSegmentationReport(UUID.randomUUID(), "forged"))
                .isInstanceOf(ApiException.class);
    }

    private JobView pollUntilFinished(UUID jobId, long retryAfterSeconds) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        long wait = retryAfterSeconds;
        while (Instant.now().isBefore(deadline)) {
            Thread.sleep(Duration.ofSeconds(wait)); // as the service asked, in Retry-After
            ApiResponse<JobView> polled = segmentations.getSegmentationWithHttpInfo(jobId, ACME);
            String retryAfter = header(polled, "Retry-After");
            if (retryAfter == null) {
                return polled.getData();
            }
            wait = Long.parseLong(retryAfter);
        }
        return fail("Job " + jobId + " did not finish in 2 minutes");
    }

    private static Map<String, Object> customer(String id, int age, int income, int creditScore, int loan,
                                                int investment, String region) {
        return Map.of("customer_id", id, "age", age, "annual_income", income, "credit_score", creditScore,
                "loan_amount", loan, "investment", investment, "region", region);
    }

    /** The CSV's rows as NDJSON objects, numbers as numbers (the file has no quoted fields). */
    private static String ndjson(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        String[] header = lines.getFirst().split(",");
        return lines.stream().skip(1).map(line -> {
            String[] values = line.split(",", -1);
            StringBuilder object = new StringBuilder("{");
            for (int i = 0; i < header.length; i++) {
                String value = values[i];
                boolean number = value.matches("-?\\d+(\\.\\d+)?") && !header[i].equals("customer_id");
                object.append(i == 0 ? "" : ", ").append('"').append(header[i]).append("\": ")
                        .append(value.isEmpty() ? "null" : number ? value : '"' + value + '"');
            }
            return object.append('}').toString();
        }).collect(Collectors.joining("\n", "", "\n"));
    }

    private static String header(ApiResponse<?> response, String name) {
        return response.getHeaders().entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(name))
                .map(entry -> entry.getValue().getFirst()).findFirst().orElse(null);
    }

    private static String queryParameter(URI uri, String name) {
        return java.util.Arrays.stream(uri.getRawQuery().split("&")).filter(pair -> pair.startsWith(name + "="))
                .map(pair -> pair.substring(name.length() + 1)).findFirst().orElseThrow();
    }

    private interface Call {
        void run() throws ApiException;
    }

    private static ApiException catchApiException(Call call) {
        try {
            call.run();
        } catch (ApiException e) {
            return e;
        }
        return fail("expected the call to be refused");
    }
}
