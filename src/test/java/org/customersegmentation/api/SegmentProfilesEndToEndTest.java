package org.customersegmentation.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.customersegmentation.support.ApiClient;
import org.customersegmentation.support.EndToEndTest;
import org.customersegmentation.support.Tenants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Segments described for people: labels that say something and summaries in the features' units. */
@EndToEndTest
class SegmentProfilesEndToEndTest {

    @LocalServerPort
    int port;

    ApiClient acme;

    @BeforeEach
    void client() {
        acme = new ApiClient(port, Tenants.ACME_KEY);
    }

    /**
     * Six light spenders (spend 10) and four heavy ones (spend 40): everyone's mean spend is 22 and its population
     * variance (6 · 12² + 4 · 18²) / 10 = 216, so the light ones lie (10 - 22) / √216 = -0.82 standard deviations
     * off ("somewhat lower"), the heavy ones 18 / √216 = 1.22 ("much higher"). Age (mean 35 and 37 against 35.8,
     * standard deviation √9.96) is at most 0.38 off: mild, and left out beside a strong trait.
     */
    @Test
    void aSummaryNamesTheTraitsInTheFeaturesUnitsBesideEveryonesValue() {
        String datasetId = acme.uploadDataset("hand-made", """
                id,spend,age
                a,10,30
                b,10,32
                c,10,34
                d,10,36
                e,10,38
                f,10,40
                g,40,34
                h,40,36
                i,40,38
                j,40,40
                """);
        String jobId = acme.startJob("{\"datasetId\": \"" + datasetId + "\", \"k\": 2, \"seed\": 3}");
        assertThat(acme.awaitFinished(jobId).get("status").asString()).isEqualTo("SUCCEEDED");

        JsonNode segments = acme.get("/api/v1/segmentations/" + jobId + "/result").json().get("segments");

        assertThat(segments.get(0).get("summary").asString())
                .isEqualTo("6 customers (60%). Somewhat lower spend (mean 10 vs 22 overall).");
        assertThat(segments.get(1).get("summary").asString())
                .isEqualTo("4 customers (40%). Much higher spend (mean 40 vs 22 overall).");
        assertThat(segments.get(0).get("label").asString()).isEqualTo("Low spend");
        assertThat(segments.get(1).get("label").asString()).isEqualTo("High spend");
        JsonNode heavy = segments.get(1).get("distinguishing");
        assertThat(heavy).hasSize(1);
        assertThat(heavy.get(0).get("direction").asString()).isEqualTo("high");
        assertThat(heavy.get(0).get("strength").asString()).isEqualTo("strong");
        assertThat(heavy.get(0).get("zScore").asDouble()).isCloseTo(18 / Math.sqrt(216), org.assertj.core.api.Assertions.within(1e-12));
        assertThat(heavy.get(0).get("overallValue").asDouble()).isEqualTo(22);
    }

    /** The credit-card customers, whose largest segment once had no trait at all, with every default. */
    @Test
    void everyCreditCardSegmentsLabelNamesAFeature() throws IOException {
        String csv;
        try (InputStream in = getClass().getResourceAsStream("/datasets/cc-general.csv")) {
            csv = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> features = List.of(csv.lines().findFirst().orElseThrow().split(",")).subList(1, 18);
        String datasetId = acme.uploadDataset("cc-general", csv);
        String jobId = acme.startJob("{\"datasetId\": \"" + datasetId + "\"}");
        assertThat(acme.awaitFinished(jobId, Duration.ofMinutes(5)).get("status").asString()).isEqualTo("SUCCEEDED");

        JsonNode segments = acme.get("/api/v1/segmentations/" + jobId + "/result").json().get("segments");

        assertThat(segments.size()).isBetween(2, 10);
        for (JsonNode segment : segments) {
            String label = segment.get("label").asString();
            assertThat(features).as(label).anyMatch(label::contains);
            assertThat(segment.get("distinguishing").isEmpty()).as(label).isFalse();
            assertThat(segment.get("summary").asString()).as(label).doesNotContain("Close to the overall average");
        }
    }
}
