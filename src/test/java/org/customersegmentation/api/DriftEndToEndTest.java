package org.customersegmentation.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import javax.imageio.ImageIO;
import org.customersegmentation.support.ApiClient;
import org.customersegmentation.support.CustomerGroups;
import org.customersegmentation.support.EndToEndTest;
import org.customersegmentation.support.Tenants;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Drift of newer snapshots against month 1, three well-separated groups of 600, 400 and 200 customers: month 1
 * itself, a resample from the same generator, month 3 with income shifted by two standard deviations for
 * everyone, and a month whose third group moved to a region training never saw.
 */
@EndToEndTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DriftEndToEndTest {

    private static final int[] SIZES = {600, 400, 200};
    private static final String HEADER = "customer_id,age,income,score,region\n";

    @LocalServerPort
    int port;

    ApiClient acme;
    CustomerGroups month1;
    String month1Id;
    String jobId;

    @BeforeAll
    void segmentMonth1() {
        acme = new ApiClient(port, Tenants.ACME_KEY);
        month1 = CustomerGroups.generate(41, SIZES, 0);
        month1Id = acme.uploadDataset("month 1", month1.csv());
        jobId = acme.startJob("""
                {"datasetId": "%s", "k": 3, "seed": 7, "features": ["age", "income", "score", "region"]}"""
                .formatted(month1Id));
        assertThat(acme.awaitFinished(jobId).get("status").asString()).isEqualTo("SUCCEEDED");
    }

    @Test
    void theTrainingDataItselfHasNotDrifted() {
        JsonNode drift = drift(month1Id);
        assertThat(drift.get("verdict").asString()).isEqualTo("STABLE");
        assertThat(drift.get("drivers")).isEmpty();
        assertThat(drift.get("trainingDatasetId").asString()).isEqualTo(month1Id);
        assertThat(drift.get("trainingCustomers").asInt()).isEqualTo(1200);
        for (JsonNode feature : drift.get("features")) {
            assertThat(feature.get("psi").asDouble()).as(feature.toString()).isZero();
        }
        // the groups are the segments, numbered by size
        JsonNode shares = drift.get("segments").get("shares");
        for (int segment = 0; segment < 3; segment++) {
            assertThat(shares.get(segment).get("key").asString()).isEqualTo("S" + (segment + 1));
            assertThat(shares.get(segment).get("trainingShare").asDouble()).isCloseTo(SIZES[segment] / 1200.0, within(1e-12));
            assertThat(shares.get(segment).get("newShare").asDouble()).isCloseTo(SIZES[segment] / 1200.0, within(1e-12));
        }
        assertThat(drift.get("segments").get("meanDistanceRatio").asDouble()).isCloseTo(1, within(1e-9));
    }

    @Test
    void aResampleOfMonth1IsNotAReasonToSegmentAgain() {
        CustomerGroups resample = CustomerGroups.generate(42, SIZES, 0);
        JsonNode drift = drift(acme.uploadDataset("month 1 resampled", resample.csv()));

        assertThat(drift.get("verdict").asString()).isNotEqualTo("RESEGMENT");
        assertThat(drift.get("customers").asInt()).isEqualTo(1200);
        for (JsonNode feature : drift.get("features")) {
            assertThat(feature.get("psi").asDouble()).as(feature.toString()).isLessThan(0.1);
        }
        // each customer lands in its group's segment: the shares are the groups', as in training
        assertThat(drift.get("segments").get("psi").asDouble()).isCloseTo(0, within(1e-12));
        assertThat(drift.get("segments").get("meanDistanceRatio").asDouble()).isBetween(0.8, 1.25);
    }

    @Test
    void month3WithIncomeShiftedForEveryoneCallsForANewSegmentation() {
        double shift = 2 * populationStd(month1.customers().stream().mapToDouble(c -> c.values()[1]).toArray());
        String month3 = acme.uploadDataset("month 3", csv(month1.customers(), c -> new double[] {c.values()[0],
                c.values()[1] + shift, c.values()[2]}, c -> CustomerGroups.region(c.group())));

        JsonNode drift = drift(month3);
        assertThat(drift.get("verdict").asString()).isEqualTo("RESEGMENT");
        JsonNode income = feature(drift, "income");
        assertThat(income.get("psi").asDouble()).isGreaterThanOrEqualTo(0.25);
        assertThat(income.get("verdict").asString()).isEqualTo("RESEGMENT");
        for (String unchanged : List.of("age", "score", "region")) {
            assertThat(feature(drift, unchanged).get("psi").asDouble()).as(unchanged).isLessThan(0.1).isZero();
        }
        assertThat(drift.get("drivers").get(0).get("kind").asString()).isEqualTo("FEATURE");
        List<String> drivers = new ArrayList<>();
        drift.get("drivers").forEach(driver -> drivers.add(driver.get("feature").isNull() ? "segment shares"
                : driver.get("feature").asString()));
        assertThat(drivers).contains("income").doesNotContain("age", "score", "region");
        // every customer lies two (scaled) units off its centre, training's lie close to it
        assertThat(drift.get("segments").get("meanDistanceRatio").asDouble()).isGreaterThan(2);
        // ten training bins of 120 customers, at the deciles
        JsonNode bins = income.get("bins");
        assertThat(bins).hasSize(10);
        bins.forEach(bin -> assertThat(bin.get("trainingShare").asDouble()).isCloseTo(0.1, within(1e-12)));
        assertThat(bins.get(0).get("lower").isNull()).isTrue();
        assertThat(bins.get(9).get("upper").isNull()).isTrue();

        String svg = new String(acme.getBytes("/api/v1/segmentations/" + jobId + "/charts/drift.svg?datasetId=" + month3)
                .body());
        assertThat(svg).startsWith("<?xml").contains(">income<").contains(">age<").contains(">0.1: monitor<")
                .contains(">0.25: resegment<").contains("RESEGMENT");
        HttpResponse<byte[]> png = acme.getBytes("/api/v1/segmentations/" + jobId + "/charts/drift.png?datasetId="
                + month3 + "&width=600&height=300");
        assertThat(png.statusCode()).isEqualTo(200);
        assertThat(png.headers().firstValue("Content-Type")).hasValue("image/png");
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.body()));
            assertThat(image.getWidth()).isEqualTo(600);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aRegionTrainingNeverSawIsCountedUnseenAndMissingValuesHaveTheirOwnBin() {
        // group 2 (200 customers, north in training) moves to "west"; 40 customers of group 1 lose their income
        String snapshot = acme.uploadDataset("west", csv(month1.customers(),
                c -> c.group() == 1 && c.id().endsWith("0") ? new double[] {c.values()[0], Double.NaN, c.values()[2]}
                        : c.values(),
                c -> c.group() == 2 ? "west" : CustomerGroups.region(c.group())));

        JsonNode region = feature(drift(snapshot), "region");
        JsonNode bins = region.get("bins");
        assertThat(bins).hasSize(3);
        assertBin(bins.get(0), "VALUE", "north", 800 / 1200.0, 600 / 1200.0);
        assertBin(bins.get(1), "VALUE", "south", 400 / 1200.0, 400 / 1200.0);
        assertBin(bins.get(2), "UNSEEN", null, 0, 200 / 1200.0);
        // (1/2 - 2/3) ln((1/2) / (2/3)) + 0 + (1/6 - 0.0001) ln((1/6) / 0.0001), the empty bin at the floor
        double expected = (0.5 - 2 / 3.0) * Math.log(0.5 / (2 / 3.0)) + (1 / 6.0 - 0.0001) * Math.log((1 / 6.0) / 0.0001);
        assertThat(region.get("psi").asDouble()).isCloseTo(expected, within(1e-9));
        assertThat(region.get("verdict").asString()).isEqualTo("RESEGMENT");

        JsonNode income = feature(drift(snapshot), "income").get("bins");
        assertBin(income.get(income.size() - 1), "MISSING", null, 0, 40 / 1200.0);
    }

    @Test
    void otherTenantsUnknownIdsUnfinishedJobsAndSnapshotsWithoutTheFeaturesAreRefused() {
        ApiClient globex = new ApiClient(port, Tenants.GLOBEX_KEY);
        globex.get(driftPath(jobId, month1Id)).problem(404);
        globex.get("/api/v1/segmentations/" + jobId + "/charts/drift.svg?datasetId=" + month1Id).problem(404);
        assertThat(globex.getBytes("/api/v1/segmentations/" + jobId + "/charts/drift.png?datasetId=" + month1Id)
                .statusCode()).isEqualTo(404);
        String globexDataset = globex.uploadDataset("globex month", month1.csv());
        acme.get(driftPath(jobId, globexDataset)).problem(404);
        acme.get(driftPath(UUID.randomUUID().toString(), month1Id)).problem(404);
        acme.get(driftPath(jobId, UUID.randomUUID().toString())).problem(404);
        acme.get("/api/v1/segmentations/" + jobId + "/drift").problem(400);

        String identical = acme.uploadDataset("identical", "id,age\na,5\nb,5\nc,5\n");
        String failed = acme.startJob("{\"datasetId\": \"" + identical + "\", \"k\": 2, \"seed\": 1}");
        assertThat(acme.awaitFinished(failed).get("status").asString()).isEqualTo("FAILED");
        JsonNode conflict = acme.get(driftPath(failed, month1Id)).problem(409);
        assertThat(conflict.get("jobStatus").asString()).isEqualTo("FAILED");

        // no score column, and region in numbers
        StringBuilder lacking = new StringBuilder("customer_id,age,income,region\n");
        month1.customers().forEach(c -> lacking.append(c.id()).append(',').append(c.values()[0]).append(',')
                .append(c.values()[1]).append(',').append(c.group()).append('\n'));
        JsonNode refused = acme.get(driftPath(jobId, acme.uploadDataset("lacking", lacking.toString()))).problem(400);
        assertThat(refused.get("detail").asString()).contains("no column 'score'")
                .contains("'region' is NUMERIC there but was CATEGORICAL in training");
        assertThat(refused.get("parameter").asString()).isEqualTo("datasetId");
        assertThat(refused.get("feature").asString()).isEqualTo("score");
    }

    private JsonNode drift(String datasetId) {
        ApiClient.Response response = acme.get(driftPath(jobId, datasetId));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static String driftPath(String job, String datasetId) {
        return "/api/v1/segmentations/" + job + "/drift?datasetId=" + datasetId;
    }

    private static JsonNode feature(JsonNode drift, String name) {
        for (JsonNode feature : drift.get("features")) {
            if (feature.get("feature").asString().equals(name)) {
                return feature;
            }
        }
        throw new AssertionError("no feature " + name + " in " + drift);
    }

    private static void assertBin(JsonNode bin, String kind, String value, double trainingShare, double newShare) {
        assertThat(bin.get("kind").asString()).isEqualTo(kind);
        assertThat(bin.get("value").isNull() ? null : bin.get("value").asString()).isEqualTo(value);
        assertThat(bin.get("trainingShare").asDouble()).isCloseTo(trainingShare, within(1e-12));
        assertThat(bin.get("newShare").asDouble()).isCloseTo(newShare, within(1e-12));
    }

    private static String csv(List<CustomerGroups.Customer> customers, Function<CustomerGroups.Customer, double[]> values,
                              Function<CustomerGroups.Customer, String> region) {
        StringBuilder csv = new StringBuilder(HEADER);
        for (CustomerGroups.Customer customer : customers) {
            csv.append(customer.id());
            for (double value : values.apply(customer)) {
                csv.append(',').append(Double.isNaN(value) ? "" : Double.toString(value));
            }
            csv.append(',').append(region.apply(customer)).append('\n');
        }
        return csv.toString();
    }

    private static double populationStd(double[] values) {
        double mean = CustomerGroups.mean(values);
        double squares = 0;
        for (double value : values) {
            squares += (value - mean) * (value - mean);
        }
        return Math.sqrt(squares / values.length);
    }
}
