package org.customersegmentation.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.customersegmentation.support.ApiClient;
import org.customersegmentation.support.CustomerGroups;
import org.customersegmentation.support.EndToEndTest;
import org.customersegmentation.support.Tenants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Scoring new customers into a finished segmentation, over real HTTP. */
@EndToEndTest
class PredictEndToEndTest {

    @LocalServerPort
    int port;

    ApiClient acme;
    CustomerGroups groups;
    String datasetId;
    String jobId;

    @BeforeEach
    void segment() {
        acme = new ApiClient(port, Tenants.ACME_KEY);
        groups = CustomerGroups.generate(21, new int[] {90, 60, 30}, 7);
        datasetId = acme.uploadDataset("to-score", groups.csv());
        jobId = acme.startJob("{\"datasetId\": \"" + datasetId + "\", \"k\": 3, \"seed\": 4}");
        assertThat(acme.awaitFinished(jobId).get("status").asString()).isEqualTo("SUCCEEDED");
    }

    @Test
    void aNewCustomerAtAGroupsCentreLandsInThatGroupsSegment() {
        StringBuilder customers = new StringBuilder("[");
        for (int group = 0; group < 3; group++) {
            customers.append(group > 0 ? "," : "").append("{\"customer_id\": \"new-").append(group).append('"');
            for (int feature = 0; feature < 3; feature++) {
                customers.append(", \"").append(CustomerGroups.FEATURES.get(feature)).append("\": ")
                        .append(groups.imputedMean(group, feature));
            }
            customers.append(", \"region\": \"").append(CustomerGroups.region(group)).append("\"}");
        }
        JsonNode predictions = predict(customers.append(']').toString()).json();

        JsonNode result = acme.get("/api/v1/segmentations/" + jobId + "/result").json();
        for (int group = 0; group < 3; group++) {
            JsonNode prediction = predictions.get(group);
            assertThat(prediction.get("customerId").asString()).isEqualTo("new-" + group);
            assertThat(prediction.get("segment").asInt()).isEqualTo(group); // segments are numbered by size
            assertThat(prediction.get("label").asString()).isEqualTo(result.get("segments").get(group).get("label").asString());
            assertThat(prediction.get("distances")).hasSize(3);
            assertThat(prediction.get("distance").asDouble()).isCloseTo(0, within(1e-6)); // the centre itself
        }
    }

    @Test
    void theTrainingCustomersGetTheirOwnSegmentsAndDistancesBack() {
        JsonNode assignments = acme.get("/api/v1/segmentations/" + jobId + "/assignments?size=20").json().get("content");
        List<String> lines = groups.csv().lines().skip(1).limit(20).toList();
        StringBuilder customers = new StringBuilder("[");
        for (int i = 0; i < lines.size(); i++) {
            String[] cells = lines.get(i).split(",", -1);
            customers.append(i > 0 ? "," : "").append("{\"customer_id\": \"").append(cells[0]).append('"');
            for (int feature = 0; feature < 3; feature++) {
                String cell = cells[feature + 1];
                customers.append(", \"").append(CustomerGroups.FEATURES.get(feature)).append("\": ")
                        .append(cell.isEmpty() ? "null" : "\"" + cell + "\"");
            }
            customers.append(", \"region\": \"").append(cells[4]).append("\"}");
        }
        JsonNode predictions = predict(customers.append(']').toString()).json();

        List<String> mismatches = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            JsonNode assignment = assignments.get(i);
            JsonNode prediction = predictions.get(i);
            assertThat(prediction.get("customerId").asString()).isEqualTo(assignment.get("customerId").asString());
            if (prediction.get("segment").asInt() != assignment.get("segment").asInt()
                    || Math.abs(prediction.get("distance").asDouble() - assignment.get("distance").asDouble()) > 1e-9) {
                mismatches.add(assignment.get("customerId").asString());
            }
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void aRegionNeverSeenInTrainingHasNoIndicatorSet() {
        // At a segment's centre but with an unseen region, the point differs from the centre only in the region's
        // columns: the centre has 1 in its own region's indicator and the point 0, so it lies 1 / scale away.
        JsonNode result = acme.get("/api/v1/segmentations/" + jobId + "/result").json();
        double scale = result.get("preprocessing").get(3).get("scale").asDouble();
        StringBuilder customer = new StringBuilder("[{\"region\": \"west\"");
        for (int feature = 0; feature < 3; feature++) {
            customer.append(", \"").append(CustomerGroups.FEATURES.get(feature)).append("\": ").append(groups.imputedMean(1, feature));
        }
        JsonNode prediction = predict(customer.append("}]").toString()).json().get(0);

        assertThat(prediction.get("distances").get(1).asDouble()).isCloseTo(1 / scale, within(1e-6));
    }

    @Test
    void aCustomerWithAWordForANumberIsABadRequestNamingItFromOne() {
        JsonNode word = predict("[{\"age\": 30, \"income\": 50000, \"score\": 40, \"region\": \"north\"}, "
                + "{\"age\": \"old\", \"income\": 1, \"score\": 2, \"region\": null}]").problem(400);
        assertThat(word.get("customer").asInt()).isEqualTo(2);
        assertThat(word.get("feature").asString()).isEqualTo("age");
        assertThat(word.get("detail").asString()).isEqualTo("Customer 2 has a value for 'age' that is not a number.");
        assertThat(predict("[{\"age\": 1, \"income\": 1, \"score\": 2, \"region\": [\"north\"]}]").problem(400)
                .get("feature").asString()).isEqualTo("region");
        assertThat(predict("{\"age\": 30}").problem(400)).isNotNull();
        assertThat(predict("[{\"age\": null, \"income\": \"NA\", \"score\": 40, \"region\": \"N/A\"}]").status())
                .isEqualTo(200);
    }

    @Test
    void aFeatureLeftOutIsAMissingValueAsANullIs() {
        // clients that serialise without nulls drop the key: the same customer either way
        JsonNode withNull = predict("[{\"age\": 30, \"income\": null, \"score\": 40, \"region\": null}]").json().get(0);
        JsonNode withoutKeys = predict("[{\"age\": 30, \"score\": 40}]").json().get(0);

        assertThat(withoutKeys.get("segment")).isEqualTo(withNull.get("segment"));
        assertThat(withoutKeys.get("distances")).isEqualTo(withNull.get("distances"));
    }

    @Test
    void theResultSaysHowEachFeatureWasPreparedAndScoringEndsWithTheDataset() {
        JsonNode preprocessing = acme.get("/api/v1/segmentations/" + jobId + "/result").json().get("preprocessing");
        assertThat(preprocessing).hasSize(4);
        assertThat(preprocessing.get(0).get("feature").asString()).isEqualTo("age");
        assertThat(preprocessing.get(0).get("transform").isNull()).isTrue();
        assertThat(preprocessing.get(0).get("scale").asDouble()).isPositive();
        // region: north for groups 0 and 2 (90 + 30 of 180 customers), south for group 1; one value's share p
        // is the other's 1 - p, so the two columns' variances add up to 2 * (2/3)(1/3) = 4/9 = scale^2
        JsonNode region = preprocessing.get(3);
        assertThat(region.get("feature").asString()).isEqualTo("region");
        assertThat(region.get("imputed").asString()).isEqualTo("north");
        assertThat(region.get("oneHot").get(0).get("value").asString()).isEqualTo("north");
        assertThat(region.get("oneHot").get(0).get("center").asDouble()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(region.get("scale").asDouble()).isCloseTo(2.0 / 3, within(1e-12));

        assertThat(predict("[]").json()).isEmpty();
        new ApiClient(port, Tenants.GLOBEX_KEY).postJson("/api/v1/segmentations/" + jobId + "/predict", "[]")
                .problem(404); // even though this instance has the model cached for its owner
        assertThat(acme.delete("/api/v1/datasets/" + datasetId).status()).isEqualTo(204);
        predict("[]").problem(404);
    }

    private ApiClient.Response predict(String body) {
        return acme.postJson("/api/v1/segmentations/" + jobId + "/predict", body);
    }
}
