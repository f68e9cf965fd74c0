package org.customersegmentation.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.customersegmentation.support.ApiClient;
import org.customersegmentation.support.CustomerGroups;
import org.customersegmentation.support.EndToEndTest;
import org.customersegmentation.support.Tenants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.w3c.dom.Document;
import tools.jackson.databind.JsonNode;

/** Charts drawn on the server, read back over HTTP as SVG documents and PNG images. */
@EndToEndTest
class ChartsEndToEndTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    ApiClient acme;
    CustomerGroups groups;
    String datasetId;

    @BeforeEach
    void upload() {
        acme = new ApiClient(port, Tenants.ACME_KEY);
        groups = CustomerGroups.generate(21, new int[] {30, 20, 10}, 0);
        datasetId = acme.uploadDataset("charts", groups.csv());
    }

    @Test
    void everyDatasetChartIsAnSvgDocumentNamingEachColumnAndTheCorrelationsAreWrittenIn() throws Exception {
        String histograms = svg("/api/v1/datasets/" + datasetId + "/charts/histograms.svg");
        for (String feature : CustomerGroups.FEATURES) {
            assertThat(histograms).contains(">" + feature + "<");
        }
        String correlations = svg("/api/v1/datasets/" + datasetId + "/charts/correlations.svg");
        assertThat(correlations).contains(">" + String.format(Locale.ROOT, "%.2f", pearson(0, 1)) + "<")
                .contains(">" + String.format(Locale.ROOT, "%.2f", pearson(1, 2)) + "<")
                .contains(">1.00<");
    }

    @Test
    void segmentationChartsShowTheKnownGroupsAndComeAsPngOfTheRequestedSize() throws Exception {
        String jobId = acme.startJob("{\"datasetId\": \"%s\", \"kRange\": {\"min\": 2, \"max\": 5}, \"seed\": 3}"
                .formatted(datasetId));
        JsonNode job = acme.awaitFinished(jobId);
        assertThat(job.get("status").asString()).isEqualTo("SUCCEEDED");
        JsonNode segments = acme.get("/api/v1/segmentations/" + jobId + "/result").json().get("segments");
        String base = "/api/v1/segmentations/" + jobId + "/charts/";

        String scatter = svg(base + "scatter.svg");
        // all 60 customers are drawn (fewer than 5,000), each known group as one segment of its size
        for (int segment = 0; segment < 3; segment++) {
            String name = "S" + (segment + 1) + " · " + segments.get(segment).get("label").asString();
            assertThat(scatter).contains(">" + name + " (" + new int[] {30, 20, 10}[segment] + ")<");
        }
        assertThat(scatter).contains("All 60 customers").contains("principal component 1 (");
        assertThat(svg(base + "k-selection.svg")).contains("chosen k = 3");
        assertThat(svg(base + "profiles.svg")).contains(">income<").contains(">region=south<");
        assertThat(svg(base + "sizes.svg")).contains(">30 (50.0%)<").contains(">10 (16.7%)<");

        String boxplots = svg(base + "boxplots.svg");
        for (String feature : CustomerGroups.FEATURES) {
            assertThat(boxplots).contains(">" + feature + "<");
        }
        for (int segment = 0; segment < 3; segment++) {
            assertThat(boxplots).contains(">S" + (segment + 1) + " · " + segments.get(segment).get("label").asString() + "<");
        }

        for (String chart : List.of("k-selection", "scatter", "profiles", "sizes", "boxplots")) {
            HttpResponse<byte[]> png = acme.getBytes(base + chart + ".png?width=640&height=400");
            assertThat(png.statusCode()).isEqualTo(200);
            assertThat(png.headers().firstValue("Content-Type")).hasValue("image/png");
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.body()));
            assertThat(image.getWidth()).isEqualTo(640);
            assertThat(image.getHeight()).isEqualTo(400);
        }
    }

    @Test
    void chartsThatCannotBeDrawnSaySoAndSizesAreBounded() {
        String fixedK = acme.startJob("{\"datasetId\": \"%s\", \"k\": 3}".formatted(datasetId));
        acme.awaitFinished(fixedK);
        assertThat(acme.get("/api/v1/segmentations/" + fixedK + "/charts/k-selection.svg").problem(409)
                .get("detail").asString()).contains("fixed k");
        assertThat(acme.get("/api/v1/datasets/" + datasetId + "/charts/histograms.svg?width=5000").problem(400)
                .get("detail").asString()).isEqualTo("width must be between 200 and 4000 pixels; it was 5000.");
        assertThat(acme.get("/api/v1/datasets/" + datasetId + "/charts/histograms.png?width=4000&height=4000")
                .problem(400).get("detail").asString()).startsWith("A PNG may have at most 8000000 pixels");
        acme.get("/api/v1/datasets/" + datasetId + "/charts/pie.svg").problem(404);
        acme.get("/api/v1/datasets/" + datasetId + "/charts/histograms.gif").problem(404);
        new ApiClient(port, Tenants.GLOBEX_KEY).get("/api/v1/datasets/" + datasetId + "/charts/histograms.svg").problem(404);
        String regionOnly = acme.startJob("{\"datasetId\": \"%s\", \"k\": 2, \"features\": [\"region\"]}"
                .formatted(datasetId));
        assertThat(acme.awaitFinished(regionOnly).get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(acme.get("/api/v1/segmentations/" + regionOnly + "/charts/boxplots.svg").problem(409)
                .get("detail").asString()).contains("no numeric feature");
        ApiClient globex = new ApiClient(port, Tenants.GLOBEX_KEY);
        globex.get("/api/v1/segmentations/" + fixedK + "/charts/boxplots.svg").problem(404);
        assertThat(globex.getBytes("/api/v1/segmentations/" + fixedK + "/charts/boxplots.png").statusCode()).isEqualTo(404);
        new ApiClient(port, null).get("/api/v1/datasets/" + datasetId + "/charts/histograms.svg").problem(401);
    }

    @Test
    void boxPlotsOfAResultStoredBeforeQuartilesWereKeptAskForARerun() {
        String jobId = acme.startJob("{\"datasetId\": \"%s\", \"k\": 3, \"seed\": 1}".formatted(datasetId));
        acme.awaitFinished(jobId);
        // what V22 leaves in the rows of results stored before it
        jdbc.update("UPDATE segment_feature SET p25 = NULL, p75 = NULL, lower_whisker = NULL, upper_whisker = NULL "
                + "WHERE job_id = ?", UUID.fromString(jobId));

        JsonNode age = acme.get("/api/v1/segmentations/" + jobId + "/result").json().get("segments").get(0)
                .get("features").get("age");
        assertThat(age.get("median").isNumber()).isTrue();
        assertThat(age.get("p25").isNull()).isTrue();
        assertThat(acme.get("/api/v1/segmentations/" + jobId + "/charts/boxplots.png").problem(409)
                .get("detail").asString()).contains("run it again");
    }

    /** The SVG, after checking it is served as such and is well-formed XML. */
    private String svg(String path) throws Exception {
        ApiClient.Response response = acme.get(path);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.contentType()).isEqualTo("image/svg+xml");
        DocumentBuilderFactory xml = DocumentBuilderFactory.newInstance();
        xml.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false); // no network
        Document document = xml.newDocumentBuilder()
                .parse(new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)));
        assertThat(document.getDocumentElement().getNodeName()).isEqualTo("svg");
        return response.body();
    }

    /** Pearson's r of two features over the generated customers, computed here, not by the service. */
    private double pearson(int a, int b) {
        List<double[]> values = groups.customers().stream().map(CustomerGroups.Customer::values).toList();
        double meanA = values.stream().mapToDouble(v -> v[a]).average().orElseThrow();
        double meanB = values.stream().mapToDouble(v -> v[b]).average().orElseThrow();
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (double[] v : values) {
            sab += (v[a] - meanA) * (v[b] - meanB);
            saa += (v[a] - meanA) * (v[a] - meanA);
            sbb += (v[b] - meanB) * (v[b] - meanB);
        }
        return sab / Math.sqrt(saa * sbb);
    }
}
