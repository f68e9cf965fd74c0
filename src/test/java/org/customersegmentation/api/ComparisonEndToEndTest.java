package org.customersegmentation.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.customersegmentation.api.MonthlySnapshots.JOINED;
import static org.customersegmentation.api.MonthlySnapshots.LEFT;
import static org.customersegmentation.api.MonthlySnapshots.LOYAL;
import static org.customersegmentation.api.MonthlySnapshots.MOVED;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.customersegmentation.api.MonthlySnapshots.Months;
import org.customersegmentation.support.ApiClient;
import org.customersegmentation.support.EndToEndTest;
import org.customersegmentation.support.Tenants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two monthly snapshots ({@link MonthlySnapshots}) of customers in known groups, where known customers moved, left
 * and joined: the comparison and the movers must say exactly that.
 */
@EndToEndTest
class ComparisonEndToEndTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    ApiClient acme;
    MonthlySnapshots snapshots;

    @BeforeEach
    void setUp() {
        acme = new ApiClient(port, Tenants.ACME_KEY);
        snapshots = new MonthlySnapshots(acme);
    }

    @Test
    void theComparisonCountsTheKnownCustomersAndMovesExactly() {
        Months months = snapshots.months(3);

        JsonNode comparison = comparison(months.second().id(), months.first().id());

        assertThat(comparison.get("commonCustomers").asLong()).isEqualTo(600 - LEFT.size());
        assertThat(comparison.get("onlyInThis").asLong()).isEqualTo(JOINED[0] + JOINED[2]);
        assertThat(comparison.get("onlyInOther").asLong()).isEqualTo(LEFT.size());
        JsonNode migration = comparison.get("migration");
        assertThat(migration.get("from")).isEqualTo(refs(months.first().id()));
        assertThat(migration.get("to")).isEqualTo(refs(months.second().id()));
        assertThat(migration.get("from").get(months.first().segmentOf()[0]).get("name").asString()).isEqualTo(LOYAL);

        // counts[segment of group g in month 1][segment of group h in month 2] = the common customers g -> h
        long[][] expected = new long[3][3];
        months.second().groups().forEach((id, now) -> {
            Integer then = months.first().groups().get(id);
            if (then != null) {
                expected[months.first().segmentOf()[then]][months.second().segmentOf()[now]]++;
            }
        });
        long[][] counts = new long[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                counts[i][j] = migration.get("counts").get(i).get(j).asLong();
            }
        }
        assertThat(counts).isDeepEqualTo(expected);
        // the moves as planned, in group terms: 20 of group 0 went to 1, 15 of 1 to 2, 5 of 2 to 0
        assertThat(expected[months.first().segmentOf()[0]][months.second().segmentOf()[1]]).isEqualTo(20);
        assertThat(expected[months.first().segmentOf()[1]][months.second().segmentOf()[2]]).isEqualTo(15);
        assertThat(expected[months.first().segmentOf()[2]][months.second().segmentOf()[0]]).isEqualTo(5);

        assertThat(comparison.get("adjustedRandIndex").asDouble())
                .isCloseTo(pairCountingAri(months), offset(1e-12));
        assertThat(comparison.get("adjustedRandIndex").asDouble()).isBetween(0.5, 0.99);

        Map<String, JsonNode> stayed = comparison.get("stayed").valueStream()
                .collect(Collectors.toMap(node -> node.get("key").asString(), node -> node));
        assertThat(stayed).hasSize(3);
        for (int group = 0; group < 3; group++) {
            String key = months.first().keys().get(months.first().segmentOf()[group]);
            int g = group;
            long earlier = months.first().groups().entrySet().stream()
                    .filter(e -> e.getValue() == g && months.second().groups().containsKey(e.getKey())).count();
            long still = months.first().groups().entrySet().stream()
                    .filter(e -> e.getValue() == g && months.second().groups().containsKey(e.getKey()))
                    .filter(e -> months.second().keyOf(e.getKey()).equals(key)).count();
            assertThat(stayed.get(key).get("earlierMembers").asLong()).isEqualTo(earlier);
            assertThat(stayed.get(key).get("stillThere").asLong()).isEqualTo(still);
            assertThat(stayed.get(key).get("share").asDouble()).isEqualTo((double) still / earlier);
        }
        // group 0: 270 common, 20 moved away
        assertThat(stayed.get(months.first().keys().get(months.first().segmentOf()[0])).get("share").asDouble())
                .isEqualTo(250.0 / 270);

        JsonNode same = comparison(months.first().id(), months.first().id());
        assertThat(same.get("adjustedRandIndex").asDouble()).isEqualTo(1.0);
        assertThat(same.get("onlyInThis").asLong()).isZero();
    }

    @Test
    void theMoversAreExactlyTheCustomersWhoseKeyChangedInThisSegmentationsRowOrder() {
        Months months = snapshots.months(5);
        // the groups' sizes keep their order in month 2, so segment numbers, and keys, follow the groups
        assertThat(months.first().segmentOf()).containsExactly(months.second().segmentOf());
        List<String> moved = months.second().rowOrder().stream().filter(MOVED::containsKey).toList();
        List<String> keyChanged = months.second().rowOrder().stream()
                .filter(id -> months.first().groups().containsKey(id))
                .filter(id -> !months.first().keyOf(id).equals(months.second().keyOf(id))).toList();
        assertThat(keyChanged).isEqualTo(moved).hasSize(40);

        ApiClient.Response csv = acme.get(movers(months), "Accept", "text/csv");
        assertThat(csv.status()).as(csv.body()).isEqualTo(200);
        assertThat(csv.contentType()).isEqualTo("text/csv;charset=UTF-8");
        assertThat(csv.headers().firstValue("Content-Disposition")).contains("attachment; filename=\"segmentation-"
                + months.second().id() + "-movers.csv\"");
        List<CsvRecord> records = CsvReader.builder().ofCsvRecord(csv.body()).stream().toList();
        assertThat(records.getFirst().getFields()).containsExactly("customerId", "fromKey", "fromName", "toKey",
                "toName");
        assertThat(records.stream().skip(1).map(row -> row.getField(0)).toList()).isEqualTo(moved);
        for (CsvRecord row : records.subList(1, records.size())) {
            String id = row.getField(0);
            assertThat(row.getField(1)).isEqualTo(months.first().keyOf(id));
            assertThat(row.getField(2)).isEqualTo(spreadsheetSafe(months.first().nameOf(id)));
            assertThat(row.getField(3)).isEqualTo(months.second().keyOf(id));
            assertThat(row.getField(4)).isEqualTo(spreadsheetSafe(months.second().nameOf(id)));
        }
        assertThat(csv.body()).contains(",\"'=Loyal, \"\"gold\"\"\",");

        ApiClient.Response ndjson = acme.get(movers(months), "Accept", "application/x-ndjson");
        assertThat(ndjson.status()).as(ndjson.body()).isEqualTo(200);
        assertThat(ndjson.contentType()).isEqualTo("application/x-ndjson");
        assertThat(ndjson.headers().firstValue("Content-Disposition")).contains("attachment; filename=\"segmentation-"
                + months.second().id() + "-movers.ndjson\"");
        List<JsonNode> lines = ndjson.body().lines().map(JSON::readTree).toList();
        assertThat(lines).extracting(line -> line.get("customerId").asString()).isEqualTo(moved);
        assertThat(lines.getFirst().propertyNames()).containsExactly("customerId", "fromKey", "fromName", "toKey",
                "toName");
        for (JsonNode line : lines) {
            String id = line.get("customerId").asString();
            assertThat(line.get("fromKey").asString()).isEqualTo(months.first().keyOf(id));
            assertThat(line.get("fromName").asString()).isEqualTo(months.first().nameOf(id));
            assertThat(line.get("toKey").asString()).isEqualTo(months.second().keyOf(id));
            assertThat(line.get("toName").asString()).isEqualTo(months.second().nameOf(id));
        }
    }

    @Test
    void theKeyFiltersNarrowTheMoversAndAnUnknownKeyIsNamed() {
        Months months = snapshots.months(7);
        String fromKey = months.first().keys().get(months.first().segmentOf()[0]);
        String toKey = months.second().keys().get(months.second().segmentOf()[1]);
        // exactly the 20 customers planned to move from group 0 to group 1
        List<String> zeroToOne = months.second().rowOrder().stream()
                .filter(id -> MOVED.containsKey(id) && MOVED.get(id) == 1 && id.startsWith("CUST-0-")).toList();
        assertThat(zeroToOne).hasSize(20);

        String both = movers(months) + "&fromKey=" + fromKey + "&toKey=" + toKey;
        assertThat(CsvReader.builder().ofCsvRecord(acme.get(both, "Accept", "text/csv").body()).stream().skip(1)
                .map(row -> row.getField(0)).toList()).isEqualTo(zeroToOne);
        assertThat(acme.get(both, "Accept", "application/x-ndjson").body().lines()
                .map(line -> JSON.readTree(line).get("customerId").asString()).toList()).isEqualTo(zeroToOne);

        List<String> intoOne = months.second().rowOrder().stream()
                .filter(id -> MOVED.containsKey(id) && MOVED.get(id) == 1).toList();
        assertThat(acme.get(movers(months) + "&toKey=" + toKey, "Accept", "application/x-ndjson").body().lines()
                .map(line -> JSON.readTree(line).get("customerId").asString()).toList()).isEqualTo(intoOne);
        List<String> outOfZero = months.second().rowOrder().stream()
                .filter(id -> MOVED.containsKey(id) && id.startsWith("CUST-0-")).toList();
        assertThat(CsvReader.builder().ofCsvRecord(acme.get(movers(months) + "&fromKey=" + fromKey, "Accept",
                "text/csv").body()).stream().skip(1).map(row -> row.getField(0)).toList()).isEqualTo(outOfZero);

        for (String accept : List.of("text/csv", "application/x-ndjson")) {
            JsonNode problem = acme.get(movers(months) + "&fromKey=S9", "Accept", accept).problem(400);
            assertThat(problem.get("parameter").asString()).isEqualTo("fromKey");
            assertThat(problem.get("detail").asString()).isEqualTo("fromKey S9 is not a key of segmentation "
                    + months.first().id() + "; its keys are S1, S2, S3.");
            assertThat(acme.get(movers(months) + "&toKey=s1", "Accept", accept).problem(400).get("parameter")
                    .asString()).isEqualTo("toKey");
        }
    }

    @Test
    void anotherTenantsSegmentationsAreNotFoundAndAFailedOneIsAConflict() {
        Months months = snapshots.months(11);
        ApiClient globex = new ApiClient(port, Tenants.GLOBEX_KEY);
        String first = months.first().id();
        String second = months.second().id();

        globex.get(comparisonPath(second, first)).problem(404);
        globex.get(moversPath(second, first), "Accept", "text/csv").problem(404);
        globex.get(moversPath(second, first), "Accept", "application/x-ndjson").problem(404);
        String theirs = globex.uploadDataset("theirs", "id,spend\na,1\nb,2\nc,40\nd,41\n");
        String theirJob = globex.startJob("{\"datasetId\": \"" + theirs + "\", \"k\": 2, \"seed\": 1}");
        assertThat(globex.awaitFinished(theirJob).get("status").asString()).isEqualTo("SUCCEEDED");
        // one's own job compared with another tenant's is as unknown as a job that does not exist
        acme.get(comparisonPath(second, theirJob)).problem(404);
        globex.get(comparisonPath(theirJob, first)).problem(404);
        acme.get(moversPath(second, theirJob), "Accept", "text/csv").problem(404);
        acme.get(comparisonPath(second, UUID.randomUUID().toString())).problem(404);

        String identical = acme.uploadDataset("identical", "id,spend\na,5\nb,5\nc,5\n");
        String failed = acme.startJob("{\"datasetId\": \"" + identical + "\", \"k\": 2, \"seed\": 1}");
        assertThat(acme.awaitFinished(failed).get("status").asString()).isEqualTo("FAILED");
        assertThat(acme.get(comparisonPath(second, failed)).problem(409).get("jobStatus").asString())
                .isEqualTo("FAILED");
        assertThat(acme.get(comparisonPath(failed, second)).problem(409).get("jobStatus").asString())
                .isEqualTo("FAILED");
        acme.get(moversPath(second, failed), "Accept", "text/csv").problem(409);
        acme.get(moversPath(failed, second), "Accept", "application/x-ndjson").problem(409);
    }

    @Test
    void withoutWithOrWithoutADownloadFormatTheRequestIsRefused() {
        String job = snapshots.months(13).second().id();
        String base = "/api/v1/segmentations/" + job + "/comparison";

        assertThat(acme.get(base).problem(400).get("detail").asString())
                .isEqualTo("Required parameter 'with' is not present.");
        assertThat(acme.get(base + "?with=last-month").problem(400).get("detail").asString()).contains("with");
        for (String accept : List.of("text/csv", "application/x-ndjson")) {
            assertThat(acme.get(base + "/movers", "Accept", accept).problem(400).get("detail").asString())
                    .isEqualTo("Required parameter 'with' is not present.");
        }
        for (String accept : List.of("application/json", "*/*")) {
            JsonNode problem = acme.get(moversPath(job, job), "Accept", accept).problem(406);
            assertThat(problem.get("detail").asString()).contains("text/csv", "application/x-ndjson");
        }
    }

    private JsonNode refs(String jobId) {
        JsonNode segments = acme.get("/api/v1/segmentations/" + jobId + "/result").json().get("segments");
        return JSON.valueToTree(segments.valueStream().map(segment -> Map.of("segment", segment.get("segment").asInt(),
                "key", segment.get("key").asString(), "name", segment.get("name").asString())).toList());
    }

    /**
     * The adjusted Rand index of the known groups of the common customers, by counting pairs: a together in both
     * months, b together only in month 1, c only in month 2, d in neither; ARI = 2(ad - bc) / ((a+b)(b+d) +
     * (a+c)(c+d)).
     */
    private static double pairCountingAri(Months months) {
        List<String> common = months.second().rowOrder().stream().filter(months.first().groups()::containsKey).toList();
        double a = 0;
        double b = 0;
        double c = 0;
        double d = 0;
        for (int i = 0; i < common.size(); i++) {
            for (int j = i + 1; j < common.size(); j++) {
                boolean then = months.first().groups().get(common.get(i)).equals(months.first().groups().get(common.get(j)));
                boolean now = months.second().groups().get(common.get(i)).equals(months.second().groups().get(common.get(j)));
                if (then && now) {
                    a++;
                } else if (then) {
                    b++;
                } else if (now) {
                    c++;
                } else {
                    d++;
                }
            }
        }
        return 2 * (a * d - b * c) / ((a + b) * (b + d) + (a + c) * (c + d));
    }

    private JsonNode comparison(String jobId, String with) {
        ApiClient.Response response = acme.get(comparisonPath(jobId, with));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static String movers(Months months) {
        return moversPath(months.second().id(), months.first().id());
    }

    private static String comparisonPath(String jobId, String with) {
        return "/api/v1/segmentations/" + jobId + "/comparison?with=" + with;
    }

    private static String moversPath(String jobId, String with) {
        return "/api/v1/segmentations/" + jobId + "/comparison/movers?with=" + with;
    }

    private static String spreadsheetSafe(String text) {
        return text.isEmpty() || "=+-@\t\r".indexOf(text.charAt(0)) < 0 ? text : "'" + text;
    }
}
