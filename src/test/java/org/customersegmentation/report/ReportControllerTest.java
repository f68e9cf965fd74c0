package org.customersegmentation.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.customersegmentation.common.NotFoundException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The report page: the real template over a mocked ReportView, and the headers that keep it self-contained. */
@WebMvcTest(ReportController.class)
@AutoConfigureMockMvc(addFilters = false)
class ReportControllerTest {

    static final UUID JOB = UUID.fromString("3b0f6c52-4d55-4f43-9a57-1f2b7f0a9e01");
    static final String SIZES_SVG = "<svg viewBox=\"0 0 900 300\"><rect id=\"sizes-bar\"/></svg>";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Reports reports;

    @Test
    void theReportIsRenderedAsUtf8HtmlThatLoadsNothing() throws Exception {
        given(reports.report(any(), eq(JOB))).willReturn(view());

        String html = mvc.perform(get("/api/v1/segmentations/{id}/report", JOB))
                .andExpect(status().isOk())
                .andExpect(content().contentType("text/html;charset=UTF-8"))
                .andExpect(header().string("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; "
                        + "img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; sandbox allow-modals"))
                .andExpect(header().string("Referrer-Policy", "no-referrer"))
                .andReturn().getResponse().getContentAsString();

        assertThat(html)
                .contains("<title>Customer segments: Müller &amp; Söhne</title>")
                .contains("<p class=\"lead\">2 segments of 4 customers</p>")
                .contains("<span class=\"segment-name\">big spenders</span>",
                        "automatic label: High age", "Our &lt;best&gt; customers", "tags: vip", "<td class=\"number\">75 %</td>")
                .contains("<tr class=\"chosen\">", "<td class=\"number\">0.61</td>")
                .contains(SIZES_SVG) // charts are inline SVG, not escaped
                .doesNotContain("<figcaption>Each dot is a customer") // no scatter chart, no scatter figure
                .contains("Generated 2026-11-23 10:05 UTC by the Customer Segmentation Service.");
    }

    @Test
    void textFromTheDatasetIsEscaped() throws Exception {
        ReportView view = view();
        given(reports.report(any(), eq(JOB))).willReturn(new ReportView(view.title(), view.subtitle(), view.facts(),
                List.of(new ReportView.ColumnRow("<script>alert(1)</script>", "TEXT", "0", "not a feature")),
                view.kSelectionSentence(), view.candidateHeader(), view.candidates(), view.metrics(), view.segments(),
                view.preprocessing(), view.charts(), view.generatedAt()));

        String html = mvc.perform(get("/api/v1/segmentations/{id}/report", JOB))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    @Test
    void anUnknownJobIsANotFoundProblem() throws Exception {
        given(reports.report(any(), eq(JOB))).willThrow(new NotFoundException("segmentation", JOB));

        mvc.perform(get("/api/v1/segmentations/{id}/report", JOB).accept(MediaType.TEXT_HTML, MediaType.ALL))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("No segmentation with id " + JOB + "."));
    }

    private static ReportView view() {
        Map<String, String> charts = new LinkedHashMap<>();
        charts.put("sizes", SIZES_SVG);
        return new ReportView("Customer segments: Müller & Söhne", "2 segments of 4 customers",
                List.of(new ReportView.Fact("Dataset", "Müller & Söhne", "4 customers, 2 columns")),
                List.of(new ReportView.ColumnRow("age", "NUMERIC", "0", "28 to 52")),
                "k = 2 was chosen by the silhouette.", List.of("k", "silhouette"),
                List.of(new ReportView.CandidateRow(false, List.of("3", "0.40")),
                        new ReportView.CandidateRow(true, List.of("2", "0.61"))),
                List.of(new ReportView.Fact("Silhouette", "0.61", "well separated")),
                List.of(new ReportView.SegmentRow("0", "S1", "big spenders", "High age", "Our <best> customers", "vip", "3",
                                "75 %", null, "3 customers (75%). Much higher age (mean 45 vs 40 overall)."),
                        new ReportView.SegmentRow("1", "S2", "Low age", null, null, "", "1", "25 %", null,
                                "1 customer (25%). Much lower age (mean 28 vs 40 overall).")),
                List.of(new ReportView.PreparationRow("age", "none", "40", "40", "10", "")),
                charts, "2026-11-23 10:05 UTC");
    }
}
