package org.customersegmentation.api;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.customersegmentation.support.ApiClient;
import org.customersegmentation.support.CustomerGroups;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two monthly snapshots of the same customers in three well-separated groups, uploaded and segmented: in month 2
 * known customers moved to another group, some left and some joined, and the groups keep their size order.
 */
final class MonthlySnapshots {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final String LOYAL = "=Loyal, \"gold\"";
    /** Month 1: group g has SIZES[g] customers, CUST-g-0 ... */
    static final int[] SIZES = {300, 200, 100};
    /** Month 2: who left, who moved (customer to group) and who joined (by group). */
    static final Set<String> LEFT = left();
    static final Map<String, Integer> MOVED = moved();
    static final int[] JOINED = {25, 0, 10};

    private final ApiClient acme;

    MonthlySnapshots(ApiClient acme) {
        this.acme = acme;
    }

    /** A job over one month's customers, and what the test knows and read back about them. */
    record Month(String id, List<String> rowOrder, Map<String, Integer> groups, int[] segmentOf,
                 List<String> keys, List<String> names) {

        String keyOf(String customer) {
            return keys.get(segmentOf[groups.get(customer)]);
        }

        String nameOf(String customer) {
            return names.get(segmentOf[groups.get(customer)]);
        }
    }

    record Months(Month first, Month second) {
    }

    /** Both months uploaded and segmented (k 3), the largest group's segment of month 1 named {@link #LOYAL}. */
    Months months(long seed) {
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
}
