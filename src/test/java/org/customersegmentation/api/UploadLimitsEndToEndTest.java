package org.customersegmentation.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.customersegmentation.support.ApiClient;
import org.customersegmentation.support.EndToEndTest;
import org.customersegmentation.support.Gzip;
import org.customersegmentation.support.Leftovers;
import org.customersegmentation.support.RawHttpUpload;
import org.customersegmentation.support.Tenants;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Uploads that would hold what others need: clients trickling a few bytes a second are abandoned once their speed,
 * averaged over the window (5 s here, 30 s by default), falls below 64 KB/s, while another tenant's upload goes
 * through; a gzip bomb is refused once it has been inflated to the limit, before a row reaches the database.
 */
@EndToEndTest
class UploadLimitsEndToEndTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void tricklingUploadsAreAbandonedWithNothingStoredWhileAnotherTenantsUploadSucceeds() throws Exception {
        Leftovers before = Leftovers.in(jdbc);
        ScheduledExecutorService trickle = Executors.newScheduledThreadPool(2);
        List<RawHttpUpload> slow = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) { // all of acme's upload slots
                RawHttpUpload upload = new RawHttpUpload(port, Tenants.ACME_KEY);
                upload.send("id,spend\n");
                slow.add(upload);
                // a client on a very bad line: one customer every 200 ms, some 35 bytes a second
                trickle.scheduleAtFixedRate(new Runnable() {
                    int customer;

                    @Override
                    public void run() {
                        try {
                            upload.send("c" + customer++ + ",1.5\n");
                        } catch (IOException closedByTheServer) {
                            throw new IllegalStateException(closedByTheServer); // stops this client
                        }
                    }
                }, 0, 200, TimeUnit.MILLISECONDS);
            }

            String other = new ApiClient(port, Tenants.GLOBEX_KEY).uploadDataset("meanwhile", "id,spend\na,1\nb,2\n");
            assertThat(other).isNotBlank();

            for (RawHttpUpload upload : slow) {
                String response = upload.awaitResponse();
                assertThat(response).startsWith("HTTP/1.1 408").contains("application/problem+json")
                        .contains("Upload too slow").contains("below the 64 KB per second");
            }
        } finally {
            trickle.shutdownNow();
            for (RawHttpUpload upload : slow) {
                upload.close();
            }
        }
        Leftovers after = Leftovers.in(jdbc);
        assertThat(after.datasets()).as("only globex's upload was stored").isEqualTo(before.datasets() + 1);
        assertThat(after.rowTables()).isEqualTo(before.rowTables() + 1);
        assertThat(new ApiClient(port, Tenants.ACME_KEY).uploadDataset("acme-again", "id,spend\na,1\n"))
                .as("acme's slots are free again").isNotBlank();
    }

    @Test
    void anUploadIsHeldToTheUploadLimitNotToTheLimitOfOtherBodies() {
        // 1.2 MB: over segmentation.upload.max-size here (1 MB), and over the 1 MB other JSON bodies may have
        String csv = "id,spend\n" + "customer-with-a-long-identifier,1.5\n".repeat(35_000);

        ApiClient.Response refused = new ApiClient(port, Tenants.ACME_KEY).postCsv("/api/v1/datasets", csv);

        assertThat(refused.problem(413).get("title").asString()).isEqualTo("Upload too large");
        assertThat(refused.json().get("detail").asString()).contains("segmentation.upload.max-size");
    }

    @Test
    void aGzipBombIsRefusedAndNothingIsStored() throws IOException {
        Leftovers before = Leftovers.in(jdbc);
        // 20 MB of one customer after another, compressed to a few kilobytes; the limit here is 1 MB
        byte[] bomb = Gzip.compress(("spend\n" + "1.25\n".repeat(4_000_000)).getBytes(StandardCharsets.US_ASCII));
        assertThat(bomb.length).isLessThan(100_000);

        ApiClient.Response refused = new ApiClient(port, Tenants.ACME_KEY).post("/api/v1/datasets", "text/csv",
                bomb, "Content-Encoding", "gzip");

        assertThat(refused.problem(413).get("detail").asString()).contains("larger than the 1 MB");
        assertThat(Leftovers.in(jdbc)).isEqualTo(before);
    }
}
