package org.customersegmentation.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.IntStream;
import org.customersegmentation.support.ApiClient;
import org.customersegmentation.support.CustomerGroups;
import org.customersegmentation.support.EndToEndTest;
import org.customersegmentation.support.Tenants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@EndToEndTest
class SegmentationEndToEndTest {

    @LocalServerPort
    int port;

    ApiClient acme;

    @BeforeEach
    void setUp() {
        acme = new ApiClient(port, Tenants.ACME_KEY);
    }

    @Test
    void wellSeparatedGroupsComeBackAsExactlyTheirSegments() {
        CustomerGroups groups = CustomerGroups.generate(7, new int[] {300, 120, 60}, 10);
        String datasetId = acme.uploadDataset("groups", groups.csv());

        String jobId = acme.startJob("""
                {"datasetId": "%s", "k": 3, "features": ["age", "income", "score"], "seed": 42}""".formatted(datasetId));
        JsonNode job = acme.awaitFinished(jobId);
        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("SUCCEEDED");
        assertThat(job.get("startedAt").isNull()).isFalse();
        assertThat(job.get("finishedAt").isNull()).isFalse();

        JsonNode result = acme.get("/api/v1/segmentations/" + jobId + "/result").json();
        assertThat(result.get("k").asInt()).isEqualTo(3);
        JsonNode metrics = result.get("metrics");
        assertThat(metrics.get("inertia").asDouble()).isPositive();
        // three well-separated groups: every customer is far nearer its own than any other (the indices' own
        // arithmetic is checked against hand-computed values in ClusterQualityTest)
        assertThat(metrics.get("silhouetteSampleSize").asInt()).isEqualTo(480);
        assertThat(metrics.get("silhouette").asDouble()).isBetween(0.5, 1.0);
        assertThat(metrics.get("daviesBouldin").asDouble()).isBetween(0.0, 1.0);
        assertThat(metrics.get("calinskiHarabasz").asDouble()).isGreaterThan(100);
        // Segments are numbered by size, largest first, so segment g must be group g.
        for (int group = 0; group < 3; group++) {
            JsonNode segment = result.get("segments").get(group);
            int size = new int[] {300, 120, 60}[group];
            assertThat(segment.get("segment").asInt()).isEqualTo(group);
            assertThat(segment.get("size").asInt()).isEqualTo(size);
            assertThat(segment.get("share").asDouble()).isCloseTo(size / 480.0, within(1e-12));
            for (int f = 0; f < 3; f++) {
                int feature = f;
                String name = CustomerGroups.FEATURES.get(feature);
                double[] values = groups.values(group, feature);
                JsonNode summary = segment.get("features").get(name);
                assertThat(summary.get("mean").asDouble()).isCloseTo(CustomerGroups.mean(values), within(1e-6));
                assertThat(summary.get("min").asDouble()).isEqualTo(Arrays.stream(values).min().orElseThrow());
                assertThat(summary.get("max").asDouble()).isEqualTo(Arrays.stream(values).max().orElseThrow());
                double[] sorted = Arrays.stream(values).sorted().toArray();
                int middle = sorted.length / 2;
                assertThat(summary.get("median").asDouble()).isEqualTo(sorted.length % 2 == 1 ? sorted[middle]
                        : (sorted[middle - 1] + sorted[middle]) / 2);
                // numpy's default percentile: between the order statistics around (n - 1) * p
                double p25 = percentile(sorted, 0.25);
                double p75 = percentile(sorted, 0.75);
                assertThat(summary.get("p25").asDouble()).isCloseTo(p25, within(1e-9));
                assertThat(summary.get("p75").asDouble()).isCloseTo(p75, within(1e-9));
                double reach = 1.5 * (p75 - p25);
                assertThat(summary.get("lowerWhisker").asDouble()).isEqualTo(Arrays.stream(sorted)
                        .filter(v -> v >= p25 - reach).min().orElseThrow());
                assertThat(summary.get("upperWhisker").asDouble()).isEqualTo(Arrays.stream(sorted)
                        .filter(v -> v <= p75 + reach).max().orElseThrow());
                double[] everyone = IntStream.range(0, 3).mapToObj(g -> groups.values(g, feature))
                        .flatMapToDouble(Arrays::stream).toArray();
                double populationMean = CustomerGroups.mean(everyone);
                double populationStd = Math.sqrt(Arrays.stream(everyone)
                        .map(v -> (v - populationMean) * (v - populationMean)).sum() / everyone.length);
                assertThat(segment.get("zScores").get(name).asDouble())
                        .isCloseTo((CustomerGroups.mean(values) - populationMean) / populationStd, within(1e-9));
                // The centre counts imputed medians; the members' summary counts present values only.
                assertThat(segment.get("centroid").get(name).asDouble())
                        .isCloseTo(groups.imputedMean(group, feature), within(1e-6));
            }
        }

        assertThat(result.get("segments").valueStream().map(segment -> segment.get("label").asString()).distinct())
                .hasSize(3);

        Map<String, Integer> segmentOfCustomer = allAssignments(jobId);
        assertThat(segmentOfCustomer).isEqualTo(groups.groupOfCustomer());
    }

    @Test
    void aCategoricalFeatureIsClusteredOneHotAndEachSegmentSaysHowItsValuesAreShared() {
        // region is north for groups 0 and 2 (300 + 60 of 480 customers: 3/4) and south for group 1 (1/4)
        CustomerGroups groups = CustomerGroups.generate(5, new int[] {300, 120, 60}, 0);
        String datasetId = acme.uploadDataset("with-region", groups.csv());

        String jobId = acme.startJob("""
                {"datasetId": "%s", "k": 3, "features": ["region", "age", "income", "score"], "seed": 8}""".formatted(datasetId));
        assertThat(acme.awaitFinished(jobId).get("status").asString()).isEqualTo("SUCCEEDED");

        JsonNode result = acme.get("/api/v1/segmentations/" + jobId + "/result").json();
        assertThat(result.get("features").values()).extracting(JsonNode::asString)
                .containsExactly("region", "age", "income", "score");
        assertThat(allAssignments(jobId)).isEqualTo(groups.groupOfCustomer());
        double[] northShare = {1, 0, 1};
        for (int group = 0; group < 3; group++) {
            JsonNode region = result.get("segments").get(group).get("categories").get("region");
            assertThat(region.propertyNames()).containsExactly("north", "south");
            assertThat(region.get("north").get("share").asDouble()).isEqualTo(northShare[group]);
            assertThat(region.get("north").get("lift").asDouble()).isCloseTo(northShare[group] / 0.75, within(1e-12));
            assertThat(region.get("south").get("share").asDouble()).isEqualTo(1 - northShare[group]);
            assertThat(region.get("south").get("lift").asDouble()).isCloseTo((1 - northShare[group]) / 0.25, within(1e-12));
        }
        // south's indicator: (1 - 1/4) / sqrt(1/4 * 3/4) = 1.73 standard deviations above everyone's in segment 1
        JsonNode south = result.get("segments").get(1).get("distinguishing").valueStream()
                .filter(trait -> trait.get("trait").asString().equals("region=south")).findFirst().orElseThrow();
        assertThat(south.get("feature").asString()).isEqualTo("region");
        assertThat(south.get("value").asString()).isEqualTo("south");
        assertThat(south.get("zScore").asDouble()).isCloseTo(0.75 / Math.sqrt(0.25 * 0.75), within(1e-12));
        assertThat(south.get("segmentValue").asDouble()).isEqualTo(1);
        assertThat(south.get("overallValue").asDouble()).isEqualTo(0.25);
        assertThat(south.get("strength").asString()).isEqualTo("strong");
        assertThat(result.get("segments").get(1).get("zScores").has("region")).isFalse();
    }

    @Test
    void theSameRequestAndSeedGiveTheSameSegmentsAndAnotherSeedOtherOnes() {
        // Uniform points have no natural segments, so the seed decides where k-means settles.
        java.util.Random random = new java.util.Random(11);
        StringBuilder csv = new StringBuilder("id,x,y\n");
        for (int i = 0; i < 400; i++) {
            csv.append(i).append(',').append(random.nextDouble()).append(',').append(random.nextDouble()).append('\n');
        }
        String datasetId = acme.uploadDataset("uniform", csv.toString());
        String request = """
                {"datasetId": "%s", "k": 6, "seed": %d, "restarts": 1}""";

        String first = acme.startJob(request.formatted(datasetId, 1234));
        String second = acme.startJob(request.formatted(datasetId, 1234));
        String other = acme.startJob(request.formatted(datasetId, 99));
        acme.awaitFinished(first);
        acme.awaitFinished(second);
        acme.awaitFinished(other);

        // the two jobs ran side by side on the two worker threads; their results must match byte for byte
        // (but for their report links, signed for each job)
        String firstBody = ApiClient.withoutReportUrl(acme.get("/api/v1/segmentations/" + first + "/result").body());
        String secondBody = ApiClient.withoutReportUrl(acme.get("/api/v1/segmentations/" + second + "/result").body());
        assertThat(secondBody.replace(second, "JOB")).isEqualTo(firstBody.replace(first, "JOB"));
        assertThat(acme.get("/api/v1/segmentations/" + second + "/assignments?size=400").body())
                .isEqualTo(acme.get("/api/v1/segmentations/" + first + "/assignments?size=400").body());
        JsonNode firstResult = acme.get("/api/v1/segmentations/" + first + "/result").json();
        assertThat(acme.get("/api/v1/segmentations/" + other + "/result").json().get("metrics"))
                .isNotEqualTo(firstResult.get("metrics"));
    }

    @Test
    void defaultsAreFilledInAndRecorded() {
        String datasetId = acme.uploadDataset("defaults", CustomerGroups.generate(3, new int[] {40, 20}, 0).csv());

        var response = acme.postJson("/api/v1/segmentations", """
                {"datasetId": "%s", "k": 2}""".formatted(datasetId));

        assertThat(response.status()).isEqualTo(202);
        assertThat(response.headers().firstValue("Location")).hasValue("/api/v1/segmentations/" + response.json().get("id").asString());
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        JsonNode request = response.json().get("request");
        assertThat(request.get("features").values()).extracting(JsonNode::asString)
                .containsExactly("age", "income", "score", "region");
        assertThat(request.get("seed").isNumber()).isTrue();
        assertThat(request.get("restarts").asInt()).isEqualTo(10);
        assertThat(request.get("scaling").asString()).isEqualTo("STANDARD");
        assertThat(request.get("logTransform")).isEmpty();
        assertThat(request.get("missingValues").asString()).isEqualTo("MEDIAN");
        assertThat(request.get("maxIterations").asInt()).isEqualTo(100);
        assertThat(request.get("tolerance").asDouble()).isEqualTo(1e-4);
        assertThat(response.json().get("status").asString()).isEqualTo("QUEUED");

        JsonNode job = acme.awaitFinished(response.json().get("id").asString());
        assertThat(job.get("request")).isEqualTo(request);
        assertThat(job.get("status").asString()).isEqualTo("SUCCEEDED");
    }

    @Test
    void withoutKTheSilhouetteChoosesItFromTwoToTenAndEveryCandidateIsReported() {
        CustomerGroups groups = CustomerGroups.generate(11, new int[] {200, 150, 100}, 0);
        String datasetId = acme.uploadDataset("choose-k", groups.csv());

        var response = acme.postJson("/api/v1/segmentations", "{\"datasetId\": \"%s\", \"seed\": 5}".formatted(datasetId));
        JsonNode request = response.json().get("request");
        assertThat(request.has("k")).isFalse();
        assertThat(request.get("kRange").toString()).isEqualTo("{\"min\":2,\"max\":10}");
        assertThat(request.get("kSelection").asString()).isEqualTo("SILHOUETTE");
        assertThat(acme.awaitFinished(response.json().get("id").asString()).get("status").asString()).isEqualTo("SUCCEEDED");

        JsonNode result = acme.get("/api/v1/segmentations/" + response.json().get("id").asString() + "/result").json();
        assertThat(result.get("k").asInt()).isEqualTo(3); // the three generated groups
        JsonNode selection = result.get("kSelection");
        assertThat(selection.get("method").asString()).isEqualTo("SILHOUETTE");
        assertThat(selection.get("chosenK").asInt()).isEqualTo(3);
        assertThat(selection.get("candidates").valueStream().map(c -> c.get("k").asInt()).toList())
                .containsExactly(2, 3, 4, 5, 6, 7, 8, 9, 10);
        JsonNode chosen = selection.get("candidates").get(1);
        assertThat(chosen.get("silhouette").asDouble()).isEqualTo(result.get("metrics").get("silhouette").asDouble());
        assertThat(chosen.get("inertia").asDouble()).isEqualTo(result.get("metrics").get("inertia").asDouble());
        assertThat(chosen.get("smallestShare").asDouble()).isCloseTo(100 / 450.0, within(1e-12));
        assertThat(selection.get("candidates").valueStream().mapToDouble(c -> c.get("silhouette").asDouble()).max()
                .orElseThrow()).isEqualTo(chosen.get("silhouette").asDouble());
        assertThat(allAssignments(response.json().get("id").asString())).isEqualTo(groups.groupOfCustomer());
    }

    @Test
    void robustScalingMeanImputationAndALogTransformStillFindWellSeparatedGroups() {
        CustomerGroups groups = CustomerGroups.generate(13, new int[] {120, 80, 40}, 9);
        String datasetId = acme.uploadDataset("options", groups.csv());

        String jobId = acme.startJob("""
                {"datasetId": "%s", "k": 3, "seed": 3, "scaling": "ROBUST", "missingValues": "MEAN",
                 "logTransform": ["income"]}""".formatted(datasetId));

        JsonNode job = acme.awaitFinished(jobId);
        assertThat(job.get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(job.get("request").get("logTransform").toString()).isEqualTo("[\"income\"]");
        assertThat(allAssignments(jobId)).isEqualTo(groups.groupOfCustomer());
    }

    @Test
    void droppedCustomersGetNoSegmentAndTheResultCountsThem() {
        CustomerGroups groups = CustomerGroups.generate(17, new int[] {70, 50}, 5); // every 5th of group 0 lacks income
        String datasetId = acme.uploadDataset("drop", groups.csv());
        long incomplete = groups.customers().stream().filter(c -> Double.isNaN(c.values()[1])).count();

        String jobId = acme.startJob("""
                {"datasetId": "%s", "k": 2, "seed": 2, "missingValues": "DROP_ROWS"}""".formatted(datasetId));

        assertThat(acme.awaitFinished(jobId).get("status").asString()).isEqualTo("SUCCEEDED");
        JsonNode result = acme.get("/api/v1/segmentations/" + jobId + "/result").json();
        assertThat(incomplete).isPositive();
        assertThat(result.get("droppedCustomers").asLong()).isEqualTo(incomplete);
        Map<String, Integer> expected = new HashMap<>();
        groups.customers().stream().filter(c -> !Double.isNaN(c.values()[1])).forEach(c -> expected.put(c.id(), c.group()));
        assertThat(allAssignments(jobId)).isEqualTo(expected);
    }

    @Test
    void aJobTheDataCannotSatisfyFailsWithAProblemAndHasNoResults() {
        String datasetId = acme.uploadDataset("identical", "id,spend\na,5\nb,5\nc,5\nd,5\ne,5\n");

        JsonNode job = acme.awaitFinished(acme.startJob("""
                {"datasetId": "%s", "k": 3, "seed": 1}""".formatted(datasetId)));

        assertThat(job.get("status").asString()).isEqualTo("FAILED");
        JsonNode error = job.get("error");
        assertThat(error.get("title").asString()).isEqualTo("Segmentation failed");
        assertThat(error.get("type").asString()).isNotBlank();
        assertThat(error.get("detail").asString()).contains("1 distinct");
        JsonNode problem = acme.get("/api/v1/segmentations/" + job.get("id").asString() + "/result").problem(409);
        assertThat(problem.get("detail").asString()).contains("FAILED");
        assertThat(problem.get("jobStatus").asString()).isEqualTo("FAILED");
        acme.get("/api/v1/segmentations/" + job.get("id").asString() + "/assignments").problem(409);
    }

    private Map<String, Integer> allAssignments(String jobId) {
        Map<String, Integer> segments = new HashMap<>();
        int page = 0;
        JsonNode body;
        do {
            body = acme.get("/api/v1/segmentations/" + jobId + "/assignments?size=150&page=" + page++).json();
            for (JsonNode assignment : body.get("content")) {
                assertThat(assignment.get("distance").asDouble()).isNotNegative();
                segments.put(assignment.get("customerId").asString(), assignment.get("segment").asInt());
            }
        } while (page < body.get("page").get("totalPages").asInt());
        assertThat(body.get("page").get("totalElements").asLong()).isEqualTo(segments.size());
        return segments;
    }

    private static double percentile(double[] sorted, double p) {
        double rank = (sorted.length - 1) * p;
        int below = (int) rank;
        return below == sorted.length - 1 ? sorted[below]
                : sorted[below] * (1 - (rank - below)) + sorted[below + 1] * (rank - below);
    }
}
