package org.customersegmentation.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.customersegmentation.dataset.ColumnType;
import org.customersegmentation.dataset.DatasetProfile;
import org.customersegmentation.dataset.DatasetSchema;
import org.customersegmentation.dataset.Datasets;
import org.customersegmentation.overtime.drift.DriftCheck;
import org.customersegmentation.result.FinishedSegmentation;
import org.customersegmentation.result.Results;
import org.customersegmentation.result.SegmentationResult;
import org.customersegmentation.segmentation.SucceededJob;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The chart endpoints with the real Charts (sizes are checked and pictures drawn there) over mocked data. */
@WebMvcTest(ChartController.class)
@AutoConfigureMockMvc(addFilters = false)
@Import(Charts.class)
class ChartControllerTest {

    static final String DATASET_ID = "8c1d0e7a-2a7b-4f7e-b1a0-6f3c2d1e0b9a";
    static final String JOB_ID = "3b0f6c52-4d55-4f43-9a57-1f2b7f0a9e01";
    static final UUID DATASET = UUID.fromString(DATASET_ID);
    static final UUID JOB = UUID.fromString(JOB_ID);

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Datasets datasets;

    @MockitoBean
    Results results;

    @MockitoBean
    ClusteredSamples samples;

    @MockitoBean
    DriftCheck drift;

    @BeforeEach
    void aDatasetWithOneNumericColumn() {
        given(datasets.schema(any(), eq(DATASET))).willReturn(new DatasetSchema(DATASET, "crm-export", 4, "customer_id",
                Map.of("age", new DatasetSchema.Column(ColumnType.NUMERIC, 0, 28.0, null))));
        given(datasets.profile(any(), eq(DATASET))).willReturn(new DatasetProfile(4, List.of(
                new DatasetProfile.ColumnProfile("age", ColumnType.NUMERIC, 4, 0, null,
                        new DatasetProfile.NumericSummary(40, 10.0, 28, 33, 40, 47, 52, 0.0,
                                new DatasetProfile.Histogram(new double[] {28, 34, 40, 46, 52}, new long[] {1, 1, 1, 1})),
                        null)), null));
    }

    @Test
    void anSvgIsDrawnAtTheRequestedSizeAndMayBeCachedPrivately() throws Exception {
        String svg = mvc.perform(get("/api/v1/datasets/{id}/charts/histograms.svg", DATASET)
                        .queryParam("width", "800").queryParam("height", "600"))
                .andExpect(status().isOk())
                .andExpect(content().contentType("image/svg+xml"))
                .andExpect(header().string("Cache-Control", "max-age=3600, private"))
                .andExpect(header().string("Content-Security-Policy", containsString("sandbox")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8); // XML's default

        assertThat(svg).startsWith("<?xml").contains("<svg", "width='800.0' height='600.0'",
                "Distribution of each numeric column: crm-export");
    }

    @Test
    void aPngHasTheNaturalSizeUnlessAskedOtherwise() throws Exception {
        byte[] png = mvc.perform(get("/api/v1/datasets/{id}/charts/histograms.png", DATASET).queryParam("width", "640"))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.IMAGE_PNG))
                .andReturn().getResponse().getContentAsByteArray();

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(640);
        assertThat(image.getHeight()).isEqualTo(270); // one row of histograms under the title
    }

    @ParameterizedTest
    @CsvSource({"width, 199", "height, 4001"})
    void aSizeOutside200To4000PixelsIsABadRequest(String parameter, int pixels) throws Exception {
        mvc.perform(get("/api/v1/datasets/{id}/charts/histograms.svg", DATASET)
                        .queryParam(parameter, Integer.toString(pixels)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Invalid chart size"))
                .andExpect(jsonPath("$.detail").value(parameter + " must be between 200 and 4000 pixels; it was "
                        + pixels + "."))
                .andExpect(jsonPath("$.parameter").value(parameter));
    }

    @ParameterizedTest
    @CsvSource({"datasets/" + DATASET_ID + "/charts/pie.svg, No chart with id pie.",
            "segmentations/" + JOB_ID + "/charts/pie.png, No chart with id pie.",
            "datasets/" + DATASET_ID + "/charts/histograms.gif, No chart format with id gif."})
    void anUnknownChartOrFormatIsNotFound(String path, String detail) throws Exception {
        mvc.perform(get("/api/v1/" + path))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(detail));
    }

    @Test
    void aSegmentationChartIsDrawnFromItsResult() throws Exception {
        given(results.finished(any(), eq(JOB))).willReturn(finished());

        String svg = mvc.perform(get("/api/v1/segmentations/{id}/charts/sizes.svg", JOB))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(svg).contains("width='900.0' height='300.0'", "Segment sizes", "4 customers in 2 segments",
                "S1 · loyal", "3 (75.0%)");
    }

    @Test
    void theKSelectionOfAFixedKIsAConflict() throws Exception {
        given(results.finished(any(), eq(JOB))).willReturn(finished());

        mvc.perform(get("/api/v1/segmentations/{id}/charts/k-selection.svg", JOB))
                .andExpect(status().isConflict())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("No k selection"));
    }

    @Test
    void boxPlotsDrawAPanelPerNumericFeatureAndABoxPerSegment() throws Exception {
        // segment 1 has no income at all: it gets no box there, and the picture is still drawn
        SegmentationResult.FeatureSummary none = new SegmentationResult.FeatureSummary(null, null, null, null, null,
                null, null, null, null);
        given(results.finished(any(), eq(JOB))).willReturn(finished(List.of("age", "region", "income"),
                Map.of("age", summary(20, 30, 40), "income", summary(1_000, 2_000, 3_000)),
                Map.of("age", summary(50, 60, 70), "income", none)));

        String svg = mvc.perform(get("/api/v1/segmentations/{id}/charts/boxplots.svg", JOB))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(svg).contains("How each feature spreads within each segment", ">age<", ">income<", ">S1 · loyal<",
                ">S2 · new<").doesNotContain(">region<");
        byte[] png = mvc.perform(get("/api/v1/segmentations/{id}/charts/boxplots.png", JOB)
                        .queryParam("width", "500").queryParam("height", "300"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(500);
        assertThat(image.getHeight()).isEqualTo(300);
    }

    @Test
    void boxPlotsOfAResultStoredWithoutQuartilesAskForARerun() throws Exception {
        SegmentationResult.FeatureSummary old = new SegmentationResult.FeatureSummary(40.0, 5.0, 30.0, null, 40.0,
                null, 50.0, null, null);
        given(results.finished(any(), eq(JOB))).willReturn(finished(List.of("age"), Map.of("age", old),
                Map.of("age", old)));

        mvc.perform(get("/api/v1/segmentations/{id}/charts/boxplots.svg", JOB))
                .andExpect(status().isConflict())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("No quartiles stored"))
                .andExpect(jsonPath("$.detail").value(containsString("run it again")));
    }

    @Test
    void boxPlotsOfCategoricalFeaturesAloneHaveNothingToDraw() throws Exception {
        given(results.finished(any(), eq(JOB))).willReturn(finished(List.of("region"), Map.of(), Map.of()));

        mvc.perform(get("/api/v1/segmentations/{id}/charts/boxplots.png", JOB))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.title").value("Nothing to draw"))
                .andExpect(jsonPath("$.detail").value(containsString("no numeric feature")));
    }

    @Test
    void boxPlotsOfManyFeaturesAndSegmentsComeAsAPngOfTheirNaturalSize() throws Exception {
        List<String> features = IntStream.range(0, 40).mapToObj(i -> "feature" + i).toList();
        Map<String, SegmentationResult.FeatureSummary> summaries = new LinkedHashMap<>();
        features.forEach(feature -> summaries.put(feature, summary(1, 2, 3)));
        List<SegmentationResult.Segment> segments = IntStream.range(0, 100)
                .mapToObj(s -> segment(s, "segment number " + s, 1, Map.of(), summaries)).toList();
        given(results.finished(any(), eq(JOB))).willReturn(new FinishedSegmentation(new SucceededJob(JOB, DATASET,
                Instant.parse("2026-11-23T10:05:00Z"), 42, features), new SegmentationResult(JOB, 100, features, 0,
                new SegmentationResult.Metrics(12.5, 0.61, 4, 0.4, 30.0), null, List.of(), segments, null, null), null));

        byte[] png = mvc.perform(get("/api/v1/segmentations/{id}/charts/boxplots.png", JOB))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat((long) image.getWidth() * image.getHeight()).isLessThanOrEqualTo(Drawing.MAX_PNG_PIXELS);
    }

    /** Quartiles of low..high, whiskers at the ends and the minimum and maximum beyond them. */
    private static SegmentationResult.FeatureSummary summary(double low, double median, double high) {
        double iqr = high - low;
        return new SegmentationResult.FeatureSummary(median, iqr / 1.35, low - 2 * iqr, low, median, high,
                high + 2 * iqr, low - iqr, high + iqr);
    }

    private static FinishedSegmentation finished(List<String> features,
                                                 Map<String, SegmentationResult.FeatureSummary> first,
                                                 Map<String, SegmentationResult.FeatureSummary> second) {
        SegmentationResult result = new SegmentationResult(JOB, 2, features, 0,
                new SegmentationResult.Metrics(12.5, 0.61, 4, 0.4, 30.0), null, List.of(),
                List.of(segment(0, "loyal", 3, Map.of(), first), segment(1, "new", 1, Map.of(), second)), null, null);
        return new FinishedSegmentation(new SucceededJob(JOB, DATASET, Instant.parse("2026-11-23T10:05:00Z"), 42,
                features), result, null);
    }

    private static FinishedSegmentation finished() {
        SegmentationResult result = new SegmentationResult(JOB, 2, List.of("age"), 0,
                new SegmentationResult.Metrics(12.5, 0.61, 4, 0.4, 30.0), null, List.of(),
                List.of(segment(0, "loyal", 3), segment(1, "new", 1)), null, null);
        return new FinishedSegmentation(new SucceededJob(JOB, DATASET, Instant.parse("2026-11-23T10:05:00Z"), 42,
                List.of("age")), result, null);
    }

    private static SegmentationResult.Segment segment(int number, String label, int size) {
        return segment(number, label, size, Map.of("age", 40.0), Map.of());
    }

    private static SegmentationResult.Segment segment(int number, String label, int size, Map<String, Double> centroid,
                                                      Map<String, SegmentationResult.FeatureSummary> features) {
        return new SegmentationResult.Segment(number, "S" + (number + 1), label, SegmentationResult.NameSource.AUTOMATIC, label, null,
                List.of(), size, size / 4.0, null, null, List.of(), null, centroid.isEmpty() ? Map.of() : Map.of("age", 0.0),
                centroid, features, Map.of());
    }
}
