package org.customersegmentation.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.customersegmentation.support.ApiClient;
import org.customersegmentation.support.CustomerGroups;
import org.customersegmentation.support.EndToEndTest;
import org.customersegmentation.support.Tenants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** How much to trust each segment (clusterboot stability), and the smallest segment a k range may choose. */
@EndToEndTest
class SegmentStabilityEndToEndTest {

    @LocalServerPort
    int port;

    ApiClient acme;

    @BeforeEach
    void setUp() {
        acme = new ApiClient(port, Tenants.ACME_KEY);
    }

    @Test
    void wellSeparatedGroupsAreHighlyStableAndTheReportSaysSo() {
        String datasetId = acme.uploadDataset("four-groups", CustomerGroups.generate(3, new int[] {300, 200, 120, 60}, 0).csv());

        String jobId = acme.startJob("""
                {"datasetId": "%s", "k": 4, "features": ["age", "income", "score"], "seed": 42,
                 "stability": {"resamples": 20}}""".formatted(datasetId));
        JsonNode job = acme.awaitFinished(jobId);

        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("SUCCEEDED");
        assertThat(job.get("request").get("stability").get("resamples").asInt()).isEqualTo(20);
        JsonNode result = acme.get("/api/v1/segmentations/" + jobId + "/result").json();
        assertThat(result.get("segments")).hasSize(4);
        for (JsonNode segment : result.get("segments")) {
            assertThat(segment.get("stability").asDouble()).as(segment.get("key").asString()).isBetween(0.95, 1.0);
            assertThat(segment.get("stabilityVerdict").asString()).isEqualTo("HIGHLY_STABLE");
        }
        URI reportUrl = URI.create(result.get("reportUrl").asString());
        String report = new ApiClient(port, null).get(reportUrl.getPath() + "?" + reportUrl.getRawQuery()).body();
        assertThat(report).contains("<th>stability</th>").contains("highly stable (");
    }

    @Test
    void moreSegmentsThanGroupsAreLessStableAndTheSameSeedGivesTheSameScores() {
        String datasetId = acme.uploadDataset("two-blobs", roundBlobs());
        String request = """
                {"datasetId": "%s", "k": 5, "seed": 7, "stability": {"resamples": 20}}""".formatted(datasetId);

        String first = acme.startJob(request);
        String second = acme.startJob(request);
        assertThat(acme.awaitFinished(first).get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(acme.awaitFinished(second).get("status").asString()).isEqualTo("SUCCEEDED");

        // two round blobs cut into five: where the cuts fall changes from one resample to the next
        List<Double> stabilities = stabilities(first);
        assertThat(stabilities).hasSize(5).anyMatch(stability -> stability < 0.75);
        assertThat(stabilities(second)).isEqualTo(stabilities);
        JsonNode segments = acme.get("/api/v1/segmentations/" + first + "/result").json().get("segments");
        for (JsonNode segment : segments) {
            double stability = segment.get("stability").asDouble();
            String expected = stability < 0.6 ? "UNSTABLE" : stability < 0.75 ? "WEAK" : stability < 0.85 ? "STABLE"
                    : "HIGHLY_STABLE";
            assertThat(segment.get("stabilityVerdict").asString()).isEqualTo(expected);
        }
    }

    @Test
    void withoutTheOptionStabilityIsNull() {
        String datasetId = acme.uploadDataset("two-blobs", roundBlobs());

        String jobId = acme.startJob("""
                {"datasetId": "%s", "k": 2, "seed": 7}""".formatted(datasetId));
        JsonNode job = acme.awaitFinished(jobId);

        assertThat(job.get("request").has("stability")).isFalse();
        for (JsonNode segment : acme.get("/api/v1/segmentations/" + jobId + "/result").json().get("segments")) {
            assertThat(segment.get("stability").isNull()).isTrue();
            assertThat(segment.get("stabilityVerdict").isNull()).isTrue();
        }
    }

    @Test
    void resamplesOutsideTwoToAHundredAreRejectedNamingTheParameter() {
        String datasetId = acme.uploadDataset("two-blobs", roundBlobs());

        for (String resamples : List.of("1", "101")) {
            JsonNode problem = acme.postJson("/api/v1/segmentations", """
                    {"datasetId": "%s", "k": 2, "stability": {"resamples": %s}}""".formatted(datasetId, resamples))
                    .problem(400);
            assertThat(problem.get("parameter").asString()).isEqualTo("stability.resamples");
            assertThat(problem.get("detail").asString()).startsWith("stability.resamples must be");
        }
        assertThat(acme.postJson("/api/v1/segmentations", """
                {"datasetId": "%s", "k": 2, "stability": {}}""".formatted(datasetId)).problem(400)
                .get("parameter").asString()).isEqualTo("stability.resamples");
    }

    @Test
    void minSegmentShareExcludesTheCandidateThatSplitsOffATinyGroup() {
        // three groups of 200 and a fourth of 5 (0.83% of 605 customers), apart from the others
        String datasetId = acme.uploadDataset("tiny-group", withTinyGroup());

        String jobId = acme.startJob("""
                {"datasetId": "%s", "kRange": {"min": 2, "max": 4}, "minSegmentShare": 0.02, "seed": 3}"""
                .formatted(datasetId));
        JsonNode job = acme.awaitFinished(jobId);

        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("SUCCEEDED");
        assertThat(job.get("request").get("minSegmentShare").asDouble()).isEqualTo(0.02);
        JsonNode selection = acme.get("/api/v1/segmentations/" + jobId + "/result").json().get("kSelection");
        JsonNode candidates = selection.get("candidates");
        assertThat(candidates.get(2).get("k").asInt()).isEqualTo(4);
        assertThat(candidates.get(2).get("smallestShare").asDouble()).isEqualTo(5.0 / 605);
        assertThat(candidates.get(2).get("excluded").asBoolean()).isTrue();
        assertThat(candidates.get(2).get("exclusionReason").asString())
                .isEqualTo("Its smallest segment holds 0.8264% of the customers, less than minSegmentShare (2%).");
        for (int i = 0; i < 2; i++) {
            assertThat(candidates.get(i).get("excluded").asBoolean()).isFalse();
            assertThat(candidates.get(i).get("exclusionReason").isNull()).isTrue();
        }
        // with k = 3 the small group joins its nearest big one
        assertThat(selection.get("chosenK").asInt()).isEqualTo(3);
        JsonNode segments = acme.get("/api/v1/segmentations/" + jobId + "/result").json().get("segments");
        assertThat(segments.valueStream().map(segment -> segment.get("size").asInt())).containsExactly(205, 200, 200);
    }

    @Test
    void whenMinSegmentShareExcludesEveryCandidateTheJobFailsSayingWhatToChange() {
        String datasetId = acme.uploadDataset("tiny-group", withTinyGroup());

        String jobId = acme.startJob("""
                {"datasetId": "%s", "kRange": {"min": 4, "max": 4}, "minSegmentShare": 0.02, "seed": 3}"""
                .formatted(datasetId));
        JsonNode job = acme.awaitFinished(jobId);

        assertThat(job.get("status").asString()).isEqualTo("FAILED");
        assertThat(job.get("error").get("detail").asString()).isEqualTo("Every k from 4 to 4 has a segment smaller "
                + "than minSegmentShare (2% of the customers): the largest smallest segment, at k = 4, holds 0.8264%. "
                + "Lower minSegmentShare, or try smaller k.");
    }

    @Test
    void minSegmentShareIsForAKRangeAndBetweenZeroAndAHalf() {
        String datasetId = acme.uploadDataset("tiny-group", withTinyGroup());

        JsonNode fixed = acme.postJson("/api/v1/segmentations", """
                {"datasetId": "%s", "k": 3, "minSegmentShare": 0.02}""".formatted(datasetId)).problem(400);
        assertThat(fixed.get("parameter").asString()).isEqualTo("minSegmentShare");
        assertThat(fixed.get("detail").asString()).startsWith("minSegmentShare rules out candidates of a kRange");
        for (String share : List.of("0", "0.6")) {
            assertThat(acme.postJson("/api/v1/segmentations", """
                    {"datasetId": "%s", "kRange": {"min": 2, "max": 4}, "minSegmentShare": %s}"""
                    .formatted(datasetId, share)).problem(400).get("parameter").asString()).isEqualTo("minSegmentShare");
        }
    }

    private List<Double> stabilities(String jobId) {
        List<Double> stabilities = new ArrayList<>();
        acme.get("/api/v1/segmentations/" + jobId + "/result").json().get("segments")
                .forEach(segment -> stabilities.add(segment.get("stability").asDouble()));
        return stabilities;
    }

    /**
     * Two round Gaussian blobs of 150 customers, at (0, 0) and (20, 20) with standard deviation 1: x and y spread
     * alike over all customers, so scaled, the blobs stay round.
     */
    private static String roundBlobs() {
        Random random = new Random(17);
        StringBuilder csv = new StringBuilder("id,x,y\n");
        for (int i = 0; i < 300; i++) {
            double centre = i % 2 * 20;
            csv.append("C").append(i).append(',').append(centre + random.nextGaussian()).append(',')
                    .append(centre + random.nextGaussian()).append('\n');
        }
        return csv.toString();
    }

    /**
     * Groups of 200 at (0, 0), (10, 0) and (0, 10), and one of 5 at (10, 5), nearest the second; each a unit square.
     * Splitting off the small group lowers the inertia by about 5 x 5², cutting a big one in two by 200 / 16.
     */
    private static String withTinyGroup() {
        Random random = new Random(23);
        double[][] centres = {{0, 0}, {10, 0}, {0, 10}, {10, 5}};
        int[] sizes = {200, 200, 200, 5};
        StringBuilder csv = new StringBuilder("id,x,y\n");
        for (int group = 0; group < 4; group++) {
            for (int i = 0; i < sizes[group]; i++) {
                csv.append("G").append(group).append('-').append(i).append(',')
                        .append(centres[group][0] + random.nextDouble() - 0.5).append(',')
                        .append(centres[group][1] + random.nextDouble() - 0.5).append('\n');
            }
        }
        return csv.toString();
    }
}
