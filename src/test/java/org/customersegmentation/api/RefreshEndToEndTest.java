package org.customersegmentation.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.customersegmentation.support.ApiClient;
import org.customersegmentation.support.EndToEndTest;
import org.customersegmentation.support.Tenants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Monthly snapshots of one customer base with known groups, segmented and then refreshed: keys follow the groups
 * through renumbering, names carry over, groups that vanish retire their keys and new ones get keys never used.
 */
@EndToEndTest
class RefreshEndToEndTest {

    /** Group centres in age, income and score, far apart in every feature. */
    static final double[][] CENTRES = {{30, 30_000, 300}, {65, 95_000, 750}, {45, 160_000, 520}, {22, 210_000, 850}};
    static final double[] SPREAD = {1.5, 2_000, 15};
    static final String FEATURES = "\"features\": [\"age\", \"income\", \"score\"]";

    @LocalServerPort
    int port;

    ApiClient acme;

    @BeforeEach
    void client() {
        acme = new ApiClient(port, Tenants.ACME_KEY);
    }

    /** One month's export: each customer ID with its group and its values this month. */
    record Snapshot(Map<String, Integer> groups, Map<String, double[]> values) {

        static Snapshot of(Map<String, Integer> groups, long seed) {
            Random random = new Random(seed);
            Map<String, double[]> values = new LinkedHashMap<>();
            groups.forEach((id, group) -> {
                double[] row = new double[3];
                for (int j = 0; j < 3; j++) {
                    row[j] = Math.round((CENTRES[group][j] + random.nextGaussian() * SPREAD[j]) * 100) / 100.0;
                }
                values.put(id, row);
            });
            return new Snapshot(groups, values);
        }

        String csv() {
            StringBuilder csv = new StringBuilder("customer_id,age,income,score\n");
            values.forEach((id, row) -> csv.append(id).append(',').append(row[0]).append(',').append(row[1])
                    .append(',').append(row[2]).append('\n'));
            return csv.toString();
        }

        double[] groupMean(int group) {
            double[] sum = new double[3];
            int n = 0;
            for (Map.Entry<String, Integer> entry : groups.entrySet()) {
                if (entry.getValue() == group) {
                    double[] row = values.get(entry.getKey());
                    for (int j = 0; j < 3; j++) {
                        sum[j] += row[j];
                    }
                    n++;
                }
            }
            for (int j = 0; j < 3; j++) {
                sum[j] /= n;
            }
            return sum;
        }

        /** Per feature, the mean and population standard deviation over every customer: STANDARD scaling. */
        double[][] scaling() {
            double[] mean = new double[3];
            double[] std = new double[3];
            for (double[] row : values.values()) {
                for (int j = 0; j < 3; j++) {
                    mean[j] += row[j] / values.size();
                }
            }
            for (double[] row : values.values()) {
                for (int j = 0; j < 3; j++) {
                    std[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / values.size();
                }
            }
            for (int j = 0; j < 3; j++) {
                std[j] = Math.sqrt(std[j]);
            }
            return new double[][] {mean, std};
        }
    }

    private static void add(Map<String, Integer> groups, String prefix, int group, int count) {
        for (int i = 0; i < count; i++) {
            groups.put(prefix + group + "-" + i, group);
        }
    }

    @Test
    void keysAndNamesFollowTheGroupsAcrossRefreshesWhileSegmentNumbersChange() {
        // month 1: groups 0, 1, 2 of 120, 80 and 50, so segments 0, 1, 2 and keys S1, S2, S3
        Map<String, Integer> first = new LinkedHashMap<>();
        add(first, "C", 0, 120);
        add(first, "C", 1, 80);
        add(first, "C", 2, 50);
        Snapshot month1 = Snapshot.of(first, 1);
        String job1 = run("{\"datasetId\": \"%s\", %s, \"k\": 3, \"restarts\": 4, \"seed\": 5}"
                .formatted(acme.uploadDataset("month-1", month1.csv()), FEATURES));
        assertKeys(job1, month1, Map.of(0, "S1", 1, "S2", 2, "S3"), Map.of(0, 0, 1, 1, 2, 2));
        assertThat(result(job1).get("lineage").isNull()).isTrue();
        assertThat(acme.patch("/api/v1/segmentations/" + job1 + "/segments/1", SegmentNamingEndToEndTest.MERGE_PATCH,
                "{\"name\": \"Loyal seniors\", \"description\": \"Older, well-off\", \"tags\": [\"vip\"]}")
                .status()).isEqualTo(200);

        // month 2: 20 of group 0 gone, 5 moved from group 0 to group 1, group 2 grown by 100 new customers;
        // sizes 95, 85, 150 put group 2 first, so segment numbers change: 2 → 0, 0 → 1, 1 → 2
        Map<String, Integer> second = new LinkedHashMap<>(first);
        for (int i = 0; i < 20; i++) {
            second.remove("C0-" + i);
        }
        List<String> moved = new ArrayList<>();
        for (int i = 20; i < 25; i++) {
            second.put("C0-" + i, 1);
            moved.add("C0-" + i);
        }
        add(second, "N", 2, 100);
        Snapshot month2 = Snapshot.of(second, 2);
        String job2 = run("{\"datasetId\": \"%s\", \"refreshOf\": \"%s\", \"seed\": 9}"
                .formatted(acme.uploadDataset("month-2", month2.csv()), job1));

        JsonNode request = acme.get("/api/v1/segmentations/" + job2).json().get("request");
        assertThat(request.get("refreshOf").asString()).isEqualTo(job1);
        assertThat(request.get("k").asInt()).isEqualTo(3);
        assertThat(request.get("restarts").asInt()).isEqualTo(4);
        assertThat(request.get("seed").asLong()).isEqualTo(9);
        assertThat(request.get("features").values()).extracting(JsonNode::asString)
                .containsExactly("age", "income", "score");
        assertKeys(job2, month2, Map.of(0, "S1", 1, "S2", 2, "S3"), Map.of(2, 0, 0, 1, 1, 2));
        for (String customer : moved) {
            assertThat(assignment(job1, customer).get("key").asString()).isEqualTo("S1");
            assertThat(assignment(job2, customer).get("key").asString()).isEqualTo("S2");
        }

        JsonNode result2 = result(job2);
        JsonNode named = result2.get("segments").get(2);
        assertThat(named.get("key").asString()).isEqualTo("S2");
        assertThat(named.get("name").asString()).isEqualTo("Loyal seniors");
        assertThat(named.get("nameSource").asString()).isEqualTo("USER");
        assertThat(named.get("description").asString()).isEqualTo("Older, well-off");
        assertThat(named.get("tags").values()).extracting(JsonNode::asString).containsExactly("vip");
        assertThat(result2.get("segments").get(0).get("nameSource").asString()).isEqualTo("AUTOMATIC");

        JsonNode lineage = result2.get("lineage");
        assertThat(lineage.get("refreshOf").asString()).isEqualTo(job1);
        assertThat(lineage.get("newKeys").isEmpty()).isTrue();
        assertThat(lineage.get("retiredKeys").isEmpty()).isTrue();
        // k-means on such groups lands on each group's mean: the shift is the move of the mean, in month 1's
        // standard scaling
        double[][] scaling = month1.scaling();
        int[] groupOfSegment = {2, 0, 1};
        int[] previousOfSegment = {2, 0, 1};
        String[] keyOfSegment = {"S3", "S1", "S2"};
        for (int segment = 0; segment < 3; segment++) {
            JsonNode entry = lineage.get("segments").get(segment);
            assertThat(entry.get("segment").asInt()).isEqualTo(segment);
            assertThat(entry.get("key").asString()).isEqualTo(keyOfSegment[segment]);
            assertThat(entry.get("previousSegment").asInt()).isEqualTo(previousOfSegment[segment]);
            double[] before = month1.groupMean(groupOfSegment[segment]);
            double[] after = month2.groupMean(groupOfSegment[segment]);
            double squares = 0;
            for (int j = 0; j < 3; j++) {
                double difference = (after[j] - before[j]) / scaling[1][j];
                squares += difference * difference;
            }
            assertThat(entry.get("centroidShift").asDouble()).isCloseTo(Math.sqrt(squares), within(1e-6));
        }

        // the key is in predict, and in the chart legends beside the name
        JsonNode predicted = acme.postJson("/api/v1/segmentations/" + job2 + "/predict",
                "[{\"age\": 65, \"income\": 95000, \"score\": 750}]").json().get(0);
        assertThat(predicted.get("segment").asInt()).isEqualTo(2);
        assertThat(predicted.get("key").asString()).isEqualTo("S2");
        assertThat(acme.get("/api/v1/segmentations/" + job2 + "/charts/scatter.svg").body())
                .contains(">S2 · Loyal seniors (85)<");

        // month 3, a refresh of the refresh: group 1 vanishes and a new group 3 of 60 appears
        Map<String, Integer> third = new LinkedHashMap<>(second);
        third.values().removeIf(group -> group == 1);
        add(third, "M", 3, 60);
        Snapshot month3 = Snapshot.of(third, 3);
        String job3 = run("{\"datasetId\": \"%s\", \"refreshOf\": \"%s\", \"seed\": 11}"
                .formatted(acme.uploadDataset("month-3", month3.csv()), job2));
        assertKeys(job3, month3, Map.of(0, "S1", 2, "S3", 3, "S4"), Map.of(2, 0, 0, 1, 3, 2));
        JsonNode result3 = result(job3);
        assertThat(result3.get("segments").values()).extracting(segment -> segment.get("name").asString())
                .doesNotContain("Loyal seniors");
        lineage = result3.get("lineage");
        assertThat(lineage.get("refreshOf").asString()).isEqualTo(job2);
        assertThat(lineage.get("newKeys").values()).extracting(JsonNode::asString).containsExactly("S4");
        assertThat(lineage.get("retiredKeys").values()).extracting(JsonNode::asString).containsExactly("S2");
        assertThat(lineage.get("segments").get(0).get("previousSegment").asInt()).isEqualTo(0);
        assertThat(lineage.get("segments").get(1).get("previousSegment").asInt()).isEqualTo(1);
        assertThat(lineage.get("segments").get(2).get("previousSegment").isNull()).isTrue();
        assertThat(lineage.get("segments").get(2).get("centroidShift").isNull()).isTrue();

        // month 4, k = 4: group 1 comes back (40 customers) and gets a new key, not its retired S2
        Map<String, Integer> fourth = new LinkedHashMap<>(third);
        add(fourth, "R", 1, 40);
        Snapshot month4 = Snapshot.of(fourth, 4);
        String job4 = run("{\"datasetId\": \"%s\", \"refreshOf\": \"%s\", \"k\": 4, \"seed\": 13}"
                .formatted(acme.uploadDataset("month-4", month4.csv()), job3));
        assertKeys(job4, month4, Map.of(0, "S1", 1, "S5", 2, "S3", 3, "S4"), Map.of(2, 0, 0, 1, 3, 2, 1, 3));
        lineage = result(job4).get("lineage");
        assertThat(lineage.get("newKeys").values()).extracting(JsonNode::asString).containsExactly("S5");
        assertThat(lineage.get("retiredKeys").isEmpty()).isTrue();
    }

    @Test
    void aRefreshNeedsTheFeaturesWithTheirTypesAndASucceededJobOfTheCallers() {
        String earlier = run("{\"datasetId\": \"%s\", %s, \"k\": 2, \"seed\": 1}".formatted(acme.uploadDataset(
                "refresh-base", "customer_id,age,income,score\na,20,100,1\nb,21,110,2\nc,60,900,9\nd,61,950,8\n"),
                FEATURES));

        String lacking = acme.uploadDataset("refresh-lacking", "customer_id,age,income\na,young,100\nb,old,200\n"
                + "c,young,300\n");
        JsonNode problem = acme.postJson("/api/v1/segmentations", "{\"datasetId\": \"%s\", \"refreshOf\": \"%s\"}"
                .formatted(lacking, earlier)).problem(400);
        assertThat(problem.get("detail").asString()).contains("it has no column 'score'")
                .contains("'age' is CATEGORICAL here, NUMERIC in the dataset refreshed");
        assertThat(problem.get("missingFeatures").values()).extracting(JsonNode::asString).containsExactly("score");
        assertThat(problem.get("mistypedFeatures").values()).extracting(JsonNode::asString).containsExactly("age");

        String complete = acme.uploadDataset("refresh-complete", "customer_id,age,income,score\na,1,2,3\nb,4,5,6\n");
        JsonNode leftOut = acme.postJson("/api/v1/segmentations", ("{\"datasetId\": \"%s\", \"refreshOf\": \"%s\", "
                + "\"features\": [\"age\", \"income\"]}").formatted(complete, earlier)).problem(400);
        assertThat(leftOut.get("detail").asString()).startsWith("features leaves out [score]");

        String identical = acme.uploadDataset("refresh-identical", "id,spend\na,5\nb,5\nc,5\n");
        String failed = acme.startJob("{\"datasetId\": \"" + identical + "\", \"k\": 2, \"seed\": 1}");
        assertThat(acme.awaitFinished(failed).get("status").asString()).isEqualTo("FAILED");
        JsonNode conflict = acme.postJson("/api/v1/segmentations", "{\"datasetId\": \"%s\", \"refreshOf\": \"%s\"}"
                .formatted(identical, failed)).problem(409);
        assertThat(conflict.get("jobStatus").asString()).isEqualTo("FAILED");

        ApiClient globex = new ApiClient(port, Tenants.GLOBEX_KEY);
        String theirs = globex.uploadDataset("refresh-theirs", "customer_id,age,income,score\na,1,2,3\nb,4,5,6\n");
        globex.postJson("/api/v1/segmentations", "{\"datasetId\": \"%s\", \"refreshOf\": \"%s\"}"
                .formatted(theirs, earlier)).problem(404);
        acme.postJson("/api/v1/segmentations", "{\"datasetId\": \"%s\", \"refreshOf\": \"%s\"}"
                .formatted(complete, UUID.randomUUID())).problem(404);
    }

    private String run(String request) {
        String jobId = acme.startJob(request);
        JsonNode job = acme.awaitFinished(jobId);
        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("SUCCEEDED");
        return jobId;
    }

    private JsonNode result(String jobId) {
        return acme.get("/api/v1/segmentations/" + jobId + "/result").json();
    }

    private JsonNode assignment(String jobId, String customer) {
        return acme.get("/api/v1/segmentations/" + jobId + "/assignments/" + customer).json();
    }

    /** Every customer of each group has the group's key and segment, in the page and the CSV alike. */
    private void assertKeys(String jobId, Snapshot snapshot, Map<Integer, String> keyOfGroup,
                            Map<Integer, Integer> segmentOfGroup) {
        JsonNode page = acme.get("/api/v1/segmentations/" + jobId + "/assignments?size=10000").json().get("content");
        assertThat(page).hasSize(snapshot.groups().size());
        for (JsonNode item : page) {
            int group = snapshot.groups().get(item.get("customerId").asString());
            assertThat(item.get("key").asString()).isEqualTo(keyOfGroup.get(group));
            assertThat(item.get("segment").asInt()).isEqualTo(segmentOfGroup.get(group));
        }
        List<String> lines = acme.get("/api/v1/segmentations/" + jobId + "/assignments", "Accept", "text/csv").body()
                .lines().toList();
        assertThat(lines.getFirst()).isEqualTo("customerId,segment,key,name,distance");
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            assertThat(cells[2]).isEqualTo(keyOfGroup.get(snapshot.groups().get(cells[0])));
        }
        JsonNode segments = result(jobId).get("segments");
        segmentOfGroup.forEach((group, segment) -> assertThat(segments.get(segment).get("key").asString())
                .isEqualTo(keyOfGroup.get(group)));
    }
}
