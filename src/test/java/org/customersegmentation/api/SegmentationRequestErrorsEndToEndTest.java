package org.customersegmentation.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.customersegmentation.support.ApiClient;
import org.customersegmentation.support.EndToEndTest;
import org.customersegmentation.support.Tenants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

@EndToEndTest
class SegmentationRequestErrorsEndToEndTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    ApiClient acme;
    String datasetId;

    @BeforeEach
    void setUp() {
        acme = new ApiClient(port, Tenants.ACME_KEY);
        datasetId = acme.uploadDataset("small", "id,age,income,region\na,20,10,north\nb,30,20,south\nc,40,30,north\n");
    }

    @Test
    void kOutsideTwoToTheNumberOfCustomersIsRejected() {
        assertThat(start("\"k\": 1").problem(400).get("detail").asString()).contains("k must be between 2 and 3");
        assertThat(start("\"k\": 4").problem(400).get("parameter").asString()).isEqualTo("k");
    }

    @Test
    void preprocessingOptionsAreCheckedAgainstTheFeaturesAndTheirValues() {
        String signed = acme.uploadDataset("signed", "id,balance,spend\na,-5,1\nb,3,2\nc,7,4\n");
        assertThat(acme.postJson("/api/v1/segmentations", "{\"datasetId\": \"" + signed + "\", \"k\": 2, "
                + "\"logTransform\": [\"balance\"]}").problem(400).get("detail").asString())
                .contains("'balance' has negative values (its minimum is -5.0)");
        assertThat(start("\"k\": 2, \"features\": [\"age\"], \"logTransform\": [\"income\"]").problem(400)
                .get("detail").asString()).contains("not one of the features [age]");
        assertThat(start("\"k\": 2, \"logTransform\": [\"region\"]").problem(400).get("detail").asString())
                .isEqualTo("Feature 'region' is CATEGORICAL; logTransform (log1p) applies to NUMERIC features only.");
        assertThat(start("\"k\": 2, \"scaling\": \"LOG\"").problem(400).get("detail").asString()).contains("scaling");
        assertThat(start("\"k\": 2, \"missingValues\": \"DROP\"").problem(400).get("detail").asString())
                .contains("missingValues");
    }

    @Test
    void badCombinationsOfKAndKRangeSayWhatToChange() {
        assertThat(start("\"k\": 2, \"kRange\": {\"min\": 2, \"max\": 3}").problem(400).get("detail").asString())
                .contains("either k").contains("not both");
        assertThat(start("\"k\": 2, \"kSelection\": \"ELBOW\"").problem(400).get("parameter").asString())
                .isEqualTo("kSelection");
        JsonNode tooMany = start("\"kRange\": {\"min\": 2, \"max\": 4}").problem(400);
        assertThat(tooMany.get("detail").asString()).contains("kRange.max (4) is larger than 3, the number of customers");
        assertThat(start("\"kRange\": {\"min\": 3, \"max\": 2}").problem(400).get("detail").asString())
                .contains("2 <= min <= max");
        assertThat(start("\"kRange\": {\"min\": 2, \"max\": 3}, \"kSelection\": \"ELBOW\"").problem(400)
                .get("detail").asString()).contains("at least three values of k");
        assertThat(start("\"kSelection\": \"GUESS\"").problem(400).get("detail").asString()).contains("kSelection");
        assertThat(start("\"kRange\": {\"min\": 2}").problem(400).get("detail").asString()).contains("kRange.max");
    }

    @Test
    void featuresMustBeNumericOrCategoricalColumnsOfTheDataset() {
        JsonNode unknown = start("\"k\": 2, \"features\": [\"age\", \"height\"]").problem(400);
        assertThat(unknown.get("detail").asString()).isEqualTo("Feature 'height' is not a column of the dataset.");
        assertThat(unknown.get("feature").asString()).isEqualTo("height");

        String withText = acme.postCsv("/api/v1/datasets?maxCategories=2", "id,age,note\na,20,x\nb,30,y\nc,40,z\n")
                .json().get("id").asString();
        JsonNode text = acme.postJson("/api/v1/segmentations", "{\"datasetId\": \"" + withText + "\", \"k\": 2, "
                + "\"features\": [\"age\", \"note\"]}").problem(400);
        assertThat(text.get("detail").asString()).startsWith("Feature 'note' is TEXT (it has more distinct values than "
                + "the upload's maxCategories); only NUMERIC and CATEGORICAL columns can be features.");
        assertThat(text.get("feature").asString()).isEqualTo("note");

        assertThat(start("\"k\": 2, \"features\": [\"id\"]").problem(400).get("feature").asString()).isEqualTo("id");
        // generated clients send [] for a list left unset: it means every clusterable column, as leaving it out does
        assertThat(start("\"k\": 2, \"features\": []").status()).isEqualTo(202);
        assertThat(start("\"k\": 2, \"features\": [\"age\", \"age\"]").problem(400).get("detail").asString()).contains("twice");
    }

    @Test
    void categoricalFeaturesMayNotSpanMoreThanAThousandOneHotColumns() {
        StringBuilder csv = new StringBuilder("id,a,b,n\n");
        for (int i = 0; i < 1200; i++) {
            csv.append(i).append(",a").append(i % 600).append(",b").append(i % 600).append(',').append(i).append('\n');
        }
        String wide = acme.postCsv("/api/v1/datasets?maxCategories=1000", csv.toString()).json().get("id").asString();

        JsonNode tooWide = acme.postJson("/api/v1/segmentations", "{\"datasetId\": \"" + wide + "\", \"k\": 2}").problem(400);
        assertThat(tooWide.get("detail").asString()).isEqualTo("One-hot encoded, the features span 1201 columns; at most "
                + "1000 can be clustered. Leave out categorical features with many values.");
        assertThat(acme.postJson("/api/v1/segmentations", "{\"datasetId\": \"" + wide + "\", \"k\": 2, "
                + "\"features\": [\"a\", \"n\"]}").status()).isEqualTo(202);
    }

    @Test
    void malformedBodiesAreRejectedSayingWhichField() {
        assertThat(acme.postJson("/api/v1/segmentations", "{\"datasetId\": \"nope\", \"k\": 2}").problem(400)
                .get("detail").asString()).startsWith("Field 'datasetId' must be a UUID");
        acme.postJson("/api/v1/segmentations", "{not json").problem(400);
        assertThat(acme.postJson("/api/v1/segmentations", "{\"k\": 2}").problem(400).get("detail").asString())
                .isEqualTo("datasetId must not be null.");
        assertThat(start("\"k\": 2, \"restarts\": 0").problem(400).get("detail").asString()).contains("restarts");
        assertThat(start("\"k\": 2, \"maxIterations\": 0").problem(400).get("detail").asString()).contains("maxIterations");
        assertThat(start("\"k\": 2, \"tolerance\": 0").problem(400).get("detail").asString()).contains("tolerance");
    }

    @Test
    void aFieldTheRequestDoesNotHaveIsABadRequestNamingIt() {
        JsonNode typo = start("\"kRagne\": {\"min\": 2, \"max\": 4}").problem(400);

        assertThat(typo.get("parameter").asString()).isEqualTo("kRagne");
        assertThat(typo.get("detail").asString()).startsWith("Field 'kRagne' is not part of this request; the fields are ")
                .contains("kRange").doesNotContain("org.customersegmentation");
        assertThat(start("\"kRange\": {\"min\": 2, \"maks\": 4}").problem(400).get("parameter").asString())
                .isEqualTo("kRange.maks");
    }

    @Test
    void unknownAndMalformedIdsAreNotFoundAndBadRequest() {
        acme.get("/api/v1/segmentations/not-a-uuid").problem(400);
        acme.get("/api/v1/datasets/not-a-uuid").problem(400);
        acme.get("/api/v1/segmentations/6f1c2b1e-0000-4000-8000-000000000000").problem(404);
        acme.postJson("/api/v1/segmentations", """
                {"datasetId": "6f1c2b1e-0000-4000-8000-000000000000", "k": 2}""").problem(404);
    }

    @Test
    void aRejectedRequestQueuesNoJob() {
        long jobs = jdbc.queryForObject("SELECT count(*) FROM segmentation_job WHERE dataset_id = ?::uuid", Long.class, datasetId);

        start("\"k\": 9").problem(400);
        start("\"k\": 2, \"features\": [\"region\", \"id\"]").problem(400);

        assertThat(jdbc.queryForObject("SELECT count(*) FROM segmentation_job WHERE dataset_id = ?::uuid", Long.class, datasetId))
                .isEqualTo(jobs).isZero();
    }

    /** The request found holding the only worker for minutes, on 50,000 customers of one feature. */
    @Test
    void aRequestThatCouldCostMoreThanTheTenantsBudgetIsRefusedBeforeItIsQueued() {
        StringBuilder csv = new StringBuilder("id,spend\n");
        for (int i = 0; i < 50_000; i++) {
            csv.append('c').append(i).append(',').append(i * 7 % 101).append('\n');
        }
        String costly = acme.uploadDataset("costly", csv.toString());

        JsonNode refused = acme.postJson("/api/v1/segmentations", "{\"datasetId\": \"" + costly + "\", \"kRange\": "
                + "{\"min\": 2, \"max\": 100}, \"restarts\": 100, \"maxIterations\": 1000}").problem(422);

        // 50,000 × 1 × (2 + 3 + ... + 100 = 5049) × 100 × 1000 = 2.5e13, against the default budget of 2e13
        assertThat(refused.get("estimatedCost").asDouble()).isEqualTo(50_000.0 * 5049 * 100 * 1000);
        assertThat(refused.get("maxCost").asDouble()).isEqualTo(2e13);
        assertThat(refused.get("detail").asString()).isEqualTo("This segmentation could take up to 2.5e+13 coordinate "
                + "comparisons (50,000 customers × 1 dimensions × 5049, the sum of the k to fit, × 100 restarts × 1000 "
                + "maxIterations), more than the 2.0e+13 allowed to you. Lower kRange.max, restarts or maxIterations, use "
                + "fewer features, or segment fewer customers.");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM segmentation_job WHERE dataset_id = ?::uuid", Long.class,
                costly)).isZero();
        String cheaper = acme.startJob("{\"datasetId\": \"" + costly + "\", \"kRange\": {\"min\": 2, \"max\": 100}, "
                + "\"restarts\": 10, \"maxIterations\": 100}");
        assertThat(acme.postJson("/api/v1/segmentations/" + cheaper + "/cancel", "").status()).isEqualTo(202);
    }

    private ApiClient.Response start(String parameters) {
        return acme.postJson("/api/v1/segmentations", "{\"datasetId\": \"" + datasetId + "\", " + parameters + "}");
    }
}
