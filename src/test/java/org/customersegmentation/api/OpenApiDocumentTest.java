package org.customersegmentation.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.customersegmentation.support.ApiClient;
import org.customersegmentation.support.EndToEndTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** openapi/openapi.yaml is the committed API description; it must match what the running service serves. */
@EndToEndTest
class OpenApiDocumentTest {

    static final Path COMMITTED = Path.of("openapi/openapi.yaml");
    static final Path SERVED_COPY = Path.of("target/openapi.yaml");

    @LocalServerPort
    int port;

    @Test
    void theCommittedDescriptionMatchesTheServedOne() throws IOException {
        var response = new ApiClient(port, null).get("/v3/api-docs.yaml");
        assertThat(response.status()).isEqualTo(200);
        String served = response.body();
        Files.createDirectories(SERVED_COPY.getParent());
        Files.writeString(SERVED_COPY, served);

        String committed = Files.exists(COMMITTED) ? Files.readString(COMMITTED) : "";
        if (!committed.equals(served)) {
            fail("openapi/openapi.yaml differs from the API the service serves; if the change is intended, "
                    + "regenerate it with: cp target/openapi.yaml openapi/openapi.yaml");
        }
    }
}
