package org.customersegmentation.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.customersegmentation.support.ApiClient;
import org.customersegmentation.support.CustomerGroups;
import org.customersegmentation.support.EndToEndTest;
import org.customersegmentation.support.Tenants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two monthly snapshots of the same customers in three well-separated groups: in month 2 known customers moved to
 * another group, some left and some joined. The comparison and the movers must say exactly that.
 */
@EndToEndTest
class ComparisonEndToEndTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String LOYAL = "=Loyal, \"gold\"";
    /** Month 1: group g has SIZES[g] customers, CUST-g-0 ... */
    private static final int[] SIZES = {300, 200, 100};
    /** Month 2: who left, who moved (customer to group) and who joined (by group). */
    private static final Set<String> LEFT = left();
    private static final Map<String, Integer> MOVED = moved();
    private static final int[] JOINED = {25, 0, 10};

    @LocalServerPort
    int port;

    ApiClient acme;

    @BeforeEach
    void setUp() {
        acme = new ApiClient(port, Tenants.ACME_KEY);
    }

    @Test
    void theComparisonCountsTheKnownCustomersAndMovesExactly() {
        Months months = months(3);

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
        Months months = months(5);
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
        Months months = months(7);
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
        Months months = months(11);
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
        String job = months(13).second().id();
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

    // --- the snapshots ---

    /** A job over one month's customers, and what the test knows and read back about them. */
    private record Month(String id, List<String> rowOrder, Map<String, Integer> groups, int[] segmentOf,
                         List<String> keys, List<String> names) {

        String keyOf(String customer) {
            return keys.get(segmentOf[groups.get(customer)]);
        }

        String nameOf(String customer) {
            return names.get(segmentOf[groups.get(customer)]);
        }
    }

    private record Months(Month first, Month second) {
    }

    private Months months(long seed) {
        Map<String, Integer> first = new LinkedHashMap<>();
        for (int group = 0; group < 3; group++) {
            for (int i = 0; i < SIZES[group]; i++) {
                first.put("CUST-" + group + "-" + i, group);
            }
        }
        List<String> secondIds = new ArrayList<>(first.keySet().stream().filter(id -> !LEFT.contains(id)).toList());
        for (int group = 0; group < 3; group++) {
            for (int i = 0; i < JOINED[group]; i++) {
                secondIds.add("NEW-" + group + "-" + i);
            }
        }
        Map<String, Integer> second = new LinkedHashMap<>();
        for (String id : secondIds) {
            second.put(id, id.startsWith("NEW-") ? id.charAt(4) - '0' : MOVED.getOrDefault(id, first.get(id)));
        }
        Month one = segment(seed, first);
        Month two = segment(seed + 1, second);
        // a given name, one a spreadsheet would run: it must reach the movers as the segment's name
        ApiClient.Response named = acme.patch("/api/v1/segmentations/" + one.id() + "/segments/" + one.segmentOf()[0],
                "application/merge-patch+json", JSON.writeValueAsString(Map.of("name", LOYAL)));
        assertThat(named.status()).as(named.body()).isEqualTo(200);
        return new Months(read(one), two);
    }

    /** Uploads the customers (their values drawn from their group's blob) in shuffled order and segments them. */
    private Month segment(long seed, Map<String, Integer> groups) {
        int[] sizes = new int[3];
        groups.values().forEach(group -> sizes[group]++);
        Map<Integer, Iterator<CustomerGroups.Customer>> pool = new HashMap<>();
        Map<Integer, List<CustomerGroups.Customer>> byGroup = CustomerGroups.generate(seed, sizes, 0).customers()
                .stream().collect(Collectors.groupingBy(CustomerGroups.Customer::group));
        byGroup.forEach((group, customers) -> pool.put(group, customers.iterator()));
        List<String> rowOrder = new ArrayList<>(groups.keySet());
        Collections.shuffle(rowOrder, new Random(seed));
        StringBuilder csv = new StringBuilder("customer_id,age,income,score\n");
        for (String id : rowOrder) {
            csv.append(id);
            for (double value : pool.get(groups.get(id)).next().values()) {
                csv.append(',').append(value);
            }
            csv.append('\n');
        }
        String dataset = acme.uploadDataset("month-" + seed, csv.toString());
        String job = acme.startJob("{\"datasetId\": \"" + dataset + "\", \"k\": 3, \"seed\": 42}");
        assertThat(acme.awaitFinished(job).get("status").asString()).isEqualTo("SUCCEEDED");
        Map<String, Integer> assigned = new HashMap<>();
        acme.get("/api/v1/segmentations/" + job + "/assignments", "Accept", "application/x-ndjson").body().lines()
                .map(JSON::readTree)
                .forEach(line -> assigned.put(line.get("customerId").asString(), line.get("segment").asInt()));
        // the groups are far apart: each lands whole in one segment, a different one per group
        int[] segmentOf = new int[3];
        for (int group = 0; group < 3; group++) {
            int g = group;
            Set<Integer> segments = groups.entrySet().stream().filter(e -> e.getValue() == g)
                    .map(e -> assigned.get(e.getKey())).collect(Collectors.toSet());
            assertThat(segments).as("segments of group %d", group).hasSize(1);
            segmentOf[group] = segments.iterator().next();
        }
        assertThat(IntStream.of(segmentOf).distinct().count()).isEqualTo(3);
        return read(new Month(job, rowOrder, groups, segmentOf, List.of(), List.of()));
    }

    /** The month with its segments' keys and current names as the result has them. */
    private Month read(Month month) {
        JsonNode segments = acme.get("/api/v1/segmentations/" + month.id() + "/result").json().get("segments");
        List<String> keys = segments.valueStream().map(segment -> segment.get("key").asString()).toList();
        List<String> names = segments.valueStream().map(segment -> segment.get("name").asString()).toList();
        return new Month(month.id(), month.rowOrder(), month.groups(), month.segmentOf(), keys, names);
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

    private static Map<String, Integer> moved() {
        Map<String, Integer> moved = new HashMap<>();
        IntStream.range(30, 50).forEach(i -> moved.put("CUST-0-" + i, 1));
        IntStream.range(10, 25).forEach(i -> moved.put("CUST-1-" + i, 2));
        IntStream.range(0, 5).forEach(i -> moved.put("CUST-2-" + i, 0));
        return Collections.unmodifiableMap(moved);
    }

    /** 30 customers of group 0 and 10 of group 1. */
    private static Set<String> left() {
        Set<String> left = new HashSet<>();
        IntStream.range(0, 30).forEach(i -> left.add("CUST-0-" + i));
        IntStream.range(0, 10).forEach(i -> left.add("CUST-1-" + i));
        return Collections.unmodifiableSet(left);
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
