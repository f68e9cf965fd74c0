package org.customersegmentation.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.customersegmentation.support.ApiClient;
import org.customersegmentation.support.CustomerGroups;
import org.customersegmentation.support.EndToEndTest;
import org.customersegmentation.support.Tenants;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The HTML report, opened with the signed reportUrl as a browser would, without an API key. */
@EndToEndTest
class ReportEndToEndTest {

    @LocalServerPort
    int port;

    @Test
    void theReportUrlOpensAWholeSelfContainedReportAndNothingElse() {
        ApiClient acme = new ApiClient(port, Tenants.ACME_KEY);
        String datasetId = acme.uploadDataset("<b>Spring</b> & co", CustomerGroups.generate(5, new int[] {30, 20, 10}, 0).csv());
        String jobId = acme.startJob("{\"datasetId\": \"%s\", \"kRange\": {\"min\": 2, \"max\": 4}}".formatted(datasetId));
        acme.awaitFinished(jobId);
        URI reportUrl = URI.create(acme.get("/api/v1/segmentations/" + jobId + "/result").json().get("reportUrl").asString());
        assertThat(reportUrl.getPath()).isEqualTo("/api/v1/segmentations/" + jobId + "/report");
        String link = reportUrl.getPath() + "?" + reportUrl.getRawQuery();
        ApiClient browser = new ApiClient(port, null);

        ApiClient.Response report = browser.get(link);

        assertThat(report.status()).isEqualTo(200);
        assertThat(report.contentType()).isEqualTo("text/html;charset=UTF-8");
        assertThat(report.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy ->
                assertThat(policy).startsWith("default-src 'none';"));
        String html = report.body();
        assertThat(html).contains("<h1>Customer segments: &lt;b&gt;Spring&lt;/b&gt; &amp; co</h1>")
                .doesNotContain("<b>Spring</b>");
        for (String section : new String[] {"summary", "segments", "metrics", "k-selection", "pictures", "dataset",
                "preprocessing"}) {
            assertThat(html).contains("<section id=\"" + section + "\"");
        }
        assertThat(html.split("<svg ", -1)).as("seven inline charts").hasSize(8);
        // the box plots follow the profile heatmap, one panel per numeric feature
        String boxplots = html.substring(html.indexOf("How each feature spreads within each segment"));
        assertThat(html.indexOf("What sets each segment apart")).isPositive()
                .isLessThan(html.indexOf("How each feature spreads within each segment"));
        for (String feature : CustomerGroups.FEATURES) {
            assertThat(boxplots).contains(">" + feature + "<");
        }
        assertThat(html).doesNotContain("src=\"http").doesNotContain("href=\"http").doesNotContain("<script");

        // the token opens this job's charts too, and nothing else
        assertThat(browser.get(reportUrl.getPath().replace("/report", "/charts/sizes.svg") + "?" + reportUrl.getRawQuery())
                .status()).isEqualTo(200);
        browser.get("/api/v1/segmentations/" + jobId + "/result?" + reportUrl.getRawQuery()).problem(401);
        browser.get("/api/v1/datasets/" + datasetId + "/charts/histograms.svg?" + reportUrl.getRawQuery()).problem(401);
        String otherJob = acme.startJob("{\"datasetId\": \"%s\", \"k\": 2}".formatted(datasetId));
        acme.awaitFinished(otherJob);
        assertThat(browser.get("/api/v1/segmentations/" + otherJob + "/report?" + reportUrl.getRawQuery()).problem(401)
                .get("detail").asString()).startsWith("This report link has expired or is not valid");
        browser.get(link.substring(0, link.length() - 2) + "xx").problem(401);
        browser.get("/api/v1/segmentations/------------------------------------/report?" + reportUrl.getRawQuery())
                .problem(401);
        // another tenant's key sees no such report
        new ApiClient(port, Tenants.GLOBEX_KEY).get("/api/v1/segmentations/" + jobId + "/report").problem(404);
    }

    @Test
    void behindAProxyTheReportUrlIsThePublicOne() {
        ApiClient acme = new ApiClient(port, Tenants.ACME_KEY);
        String datasetId = acme.uploadDataset("proxied", CustomerGroups.generate(6, new int[] {20, 10}, 0).csv());
        String jobId = acme.startJob("{\"datasetId\": \"%s\", \"k\": 2}".formatted(datasetId));
        acme.awaitFinished(jobId);
        String result = "/api/v1/segmentations/" + jobId + "/result";

        // the test's requests come from loopback, which is a trusted proxy by default
        URI proxied = URI.create(acme.get(result, "X-Forwarded-Proto", "https", "X-Forwarded-Host",
                "segments.example.com", "X-Forwarded-Port", "443").json().get("reportUrl").asString());
        URI direct = URI.create(acme.get(result).json().get("reportUrl").asString());

        assertThat(proxied.getScheme() + "://" + proxied.getAuthority()).isEqualTo("https://segments.example.com");
        assertThat(proxied.getPath()).isEqualTo("/api/v1/segmentations/" + jobId + "/report");
        assertThat(direct.getScheme() + "://" + direct.getAuthority()).isEqualTo("http://localhost:" + port);
    }
}
