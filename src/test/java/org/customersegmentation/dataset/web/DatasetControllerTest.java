package org.customersegmentation.dataset.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.customersegmentation.dataset.ColumnType;
import org.customersegmentation.dataset.Datasets;
import org.customersegmentation.dataset.ingest.Upload;
import org.customersegmentation.dataset.ingest.UploadFormat;
import org.customersegmentation.dataset.ingest.UploadProperties;
import org.customersegmentation.dataset.storage.DatasetService;
import org.customersegmentation.support.Gzip;
import org.customersegmentation.idempotency.IdempotentRequests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.util.unit.DataSize;

/** The upload's HTTP contract: what reaches the service for each kind of body, and what is refused before. */
@WebMvcTest(DatasetController.class)
@AutoConfigureMockMvc(addFilters = false)
@EnableConfigurationProperties(UploadProperties.class)
class DatasetControllerTest {

    static final UUID DATASET = UUID.fromString("8c1d0e7a-2a7b-4f7e-b1a0-6f3c2d1e0b9a");
    static final String CSV = "customer_id,age,region\nC001,34,North\nC002,51,South\n";
    static final String BOUNDARY = "----segmentation-test-boundary";
    static final MediaType MULTIPART = MediaType.parseMediaType("multipart/form-data; boundary=" + BOUNDARY);

    @Autowired
    MockMvc mvc;

    @MockitoBean
    DatasetService datasets;

    @MockitoBean
    Datasets profiles;

    @MockitoBean
    IdempotentRequests idempotentRequests;

    /** What the mocked service was called with, and the bytes it read from the body it was given. */
    record Call(UploadFormat format, Character delimiter, Upload upload, byte[] body) {}

    final AtomicReference<Call> call = new AtomicReference<>();

    @Test
    void aMultipartFormsFilePartIsUploadedUnderItsFileName() throws Exception {
        recordUploads();

        mvc.perform(post("/api/v1/datasets").queryParam("delimiter", "comma").contentType(MULTIPART)
                        .content(form("customers.csv", "text/csv", CSV.getBytes(StandardCharsets.UTF_8))))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/v1/datasets/" + DATASET))
                .andExpect(jsonPath("$.id").value(DATASET.toString()))
                .andExpect(jsonPath("$.name").value("customers.csv"))
                .andExpect(jsonPath("$.rowCount").value(2))
                .andExpect(jsonPath("$.idColumn").value("customer_id"))
                .andExpect(jsonPath("$.columns[0].type").value("NUMERIC"))
                .andExpect(jsonPath("$.columns[0].distinct").doesNotExist())
                .andExpect(jsonPath("$.columns[1].distinct").value(2));

        assertThat(new String(call.get().body(), StandardCharsets.UTF_8)).isEqualTo(CSV);
        assertThat(call.get().format()).isEqualTo(UploadFormat.CSV);
        assertThat(call.get().delimiter()).isEqualTo(',');
        assertThat(call.get().upload()).isEqualTo(new Upload("customers.csv", null, 50)); // max-categories default
    }

    @Test
    void aGzipCompressedFormIsDecompressedBeforeTheServiceReadsTheFile() throws Exception {
        recordUploads();

        mvc.perform(post("/api/v1/datasets").queryParam("name", "Q3").contentType(MULTIPART)
                        .header("Content-Encoding", "gzip")
                        .content(Gzip.compress(form("q3.ndjson", null, "{\"a\": 1}\n".getBytes(StandardCharsets.UTF_8)))))
                .andExpect(status().isCreated());

        assertThat(new String(call.get().body(), StandardCharsets.UTF_8)).isEqualTo("{\"a\": 1}\n");
        assertThat(call.get().format()).isEqualTo(UploadFormat.NDJSON); // from the file name: the part has no type
        assertThat(call.get().upload().name()).isEqualTo("Q3");
    }

    @Test
    void aGzipBodyReachesTheServiceAsSentWhichRecognisesItByItsMagicBytes() throws Exception {
        recordUploads();
        byte[] compressed = Gzip.compress(CSV.getBytes(StandardCharsets.UTF_8));

        mvc.perform(post("/api/v1/datasets").contentType("text/csv").header("Content-Encoding", "gzip")
                        .content(compressed))
                .andExpect(status().isCreated());

        assertThat(call.get().body()).isEqualTo(compressed); // DatasetService.upload decodes it
        try (InputStream decoded = Decompression.decode(new ByteArrayInputStream(call.get().body()), DataSize.ofMegabytes(1))) {
            assertThat(new String(decoded.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(CSV);
        }
        assertThat(call.get().upload()).isEqualTo(new Upload("unnamed", null, 50));
    }

    @Test
    void aContentTypeNoUploadReadsIsUnsupported() throws Exception {
        mvc.perform(post("/api/v1/datasets").contentType(MediaType.TEXT_PLAIN).content(CSV))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("tag:customer-segmentation,2026:problem:unsupported-media-type"))
                .andExpect(jsonPath("$.detail").value(containsString("text/plain")))
                .andExpect(header().string("Accept", containsString("text/csv")))
                .andExpect(header().string("Accept", containsString("multipart/form-data")));
        then(datasets).should(never()).upload(any(), any(), any(), any(), any());
    }

    @Test
    void aContentEncodingOtherThanGzipIsUnsupported() throws Exception {
        mvc.perform(post("/api/v1/datasets").contentType("text/csv").header("Content-Encoding", "br").content(CSV))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("Content-Encoding 'br' is not supported: send the body "
                        + "uncompressed or gzip-compressed."));
        then(datasets).should(never()).upload(any(), any(), any(), any(), any());
    }

    @Test
    void aFormWithoutAFilePartIsABadRequest() throws Exception {
        mvc.perform(post("/api/v1/datasets").contentType(MULTIPART).content("--" + BOUNDARY
                        + "\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nhello\r\n--" + BOUNDARY + "--\r\n"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("Invalid multipart form"))
                .andExpect(jsonPath("$.detail").value("The form has no file part named 'file'."));
    }

    private void recordUploads() {
        given(datasets.upload(any(), any(), any(), any(), any())).willAnswer(invocation -> {
            Upload upload = invocation.getArgument(3);
            call.set(new Call(invocation.getArgument(1), invocation.getArgument(2), upload,
                    invocation.<InputStream>getArgument(4).readAllBytes()));
            return new DatasetView(DATASET, upload.name(), 2, "customer_id", Instant.parse("2026-11-23T10:00:00Z"),
                    List.of(new DatasetView.ColumnView("age", ColumnType.NUMERIC, 0, null),
                            new DatasetView.ColumnView("region", ColumnType.CATEGORICAL, 0, 2)));
        });
    }

    /** A form with a field before the file part, which the controller skips. */
    private static byte[] form(String fileName, String type, byte[] file) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nignored\r\n--" + BOUNDARY
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
                + (type == null ? "" : "Content-Type: " + type + "\r\n") + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.write(file);
        out.write(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
