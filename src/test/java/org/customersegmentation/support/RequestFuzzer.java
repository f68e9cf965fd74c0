package org.customersegmentation.support;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * Generates requests to the API the way a careless or hostile client would write them, from a seed: every
 * operation, with IDs that are the caller's, another tenant's, unknown or not IDs at all; query parameters the API
 * knows and ones it does not, with values of every kind; headers odd, malformed or with control characters; and
 * bodies valid, truncated, mistyped, compressed or not. The same seed always gives the same requests.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9110">RFC 9110</a> for what is well-formed
 */
public final class RequestFuzzer {

    /** One request as written on the wire: a head (request line and headers, ISO-8859-1) and a body. */
    public record Request(String method, String target, String head, byte[] body) {

        public String describe() {
            String shown = head.length() > 600 ? head.substring(0, 600) + "..." : head;
            return shown.replace("\r\n", "\\r\\n") + " + " + (body == null ? "no body" : body.length + " body bytes");
        }
    }

    /** What the requests may name: IDs of the caller and of another tenant, and the caller's API key. */
    public record Targets(String apiKey, String datasetId, String jobId, String otherDatasetId, String otherJobId) {
    }

    private static final String[] QUERY_NAMES = {"name", "idColumn", "delimiter", "maxCategories", "page", "size",
            "status", "datasetId", "segment", "with", "fromKey", "toKey", "width", "height", "token", "k", "format",
            "sort", "x", "", "na\u0001me", "%00", "name%0D%0AX-Injected:1", "segment[]", "page.number"};
    private static final String[] ACCEPT = {"application/json", "text/csv", "application/x-ndjson", "*/*",
            "text/html", "image/png", "image/svg+xml", "application/problem+json", "application/xml", "text/plain",
            "application/json;q=0.1, text/csv", "garbage", "text/", ";;;", "application/json; charset=\u0001",
            "*/*;q=abc", "", "\u00ff/\u00fe"};
    private static final String[] CONTENT_TYPES = {"application/json", "text/csv", "application/x-ndjson",
            "multipart/form-data; boundary=fuzz", "multipart/form-data", "application/merge-patch+json",
            "text/plain", "application/xml", "application/octet-stream", "garbage", "text/csv; charset=latin1",
            "application/json; charset=utf-16", ""};
    private static final String[] JOB_STATUSES = {"QUEUED", "RUNNING", "SUCCEEDED", "FAILED", "CANCELLED", "DONE", "queued"};
    private static final String[] CHARTS = {"histograms", "correlations", "k-selection", "scatter", "profiles", "sizes",
            "boxplots", "drift", "pie", "..", "%2e%2e"};
    private static final String[] JSON_FIELDS = {"datasetId", "k", "kRange", "kSelection", "features", "scaling",
            "logTransform", "missingValues", "seed", "restarts", "maxIterations", "tolerance", "callbackUrl",
            "stability", "minSegmentShare", "refreshOf", "name", "description", "tags", "min", "max", "resamples",
            "age", "spend", "region", "id", "unknownField"};

    private final RandomGenerator random;
    private final Targets targets;

    public RequestFuzzer(RandomGenerator random, Targets targets) {
        this.random = random;
        this.targets = targets;
    }

    public Request next() {
        return switch (random.nextInt(16)) {
            case 0, 1 -> upload();
            case 2 -> request("GET", "/api/v1/datasets" + query(), null);
            case 3 -> request(pick("GET", "DELETE", "GET"), "/api/v1/datasets/" + datasetId() + pick("", "/profile"), null);
            case 4 -> request("POST", "/api/v1/segmentations", random.nextBoolean() ? jobRequest() : jsonBody(),
                    "Content-Type: " + (random.nextInt(3) > 0 ? "application/json" : pick(CONTENT_TYPES)));
            case 5 -> request("GET", "/api/v1/segmentations" + query(), null);
            case 6 -> request(pick("GET", "DELETE"), "/api/v1/segmentations/" + jobId(), null);
            case 7 -> request("POST", "/api/v1/segmentations/" + jobId() + "/cancel", random.nextBoolean() ? null : jsonBody());
            case 8 -> request("GET", "/api/v1/segmentations/" + jobId() + pick("/result", "/assignments",
                    "/assignments/" + segment(), "/report", "/segments") + query(), null);
            case 9 -> request("POST", "/api/v1/segmentations/" + jobId() + "/predict", jsonBody(),
                    "Content-Type: " + pick("application/json", "application/json", "text/csv", ""));
            case 10 -> request("PATCH", "/api/v1/segmentations/" + jobId() + "/segments/" + segment(), jsonBody(),
                    "Content-Type: " + pick("application/merge-patch+json", "application/json", "text/plain"));
            case 11 -> request("GET", "/api/v1/segmentations/" + jobId() + pick("/comparison", "/comparison/movers",
                    "/drift") + query(), null);
            case 12 -> request("GET", pick("/api/v1/segmentations/" + jobId(), "/api/v1/datasets/" + datasetId())
                    + "/charts/" + pick(CHARTS) + "." + pick("svg", "png", "gif", "") + query(), null);
            case 13 -> request(pick("PUT", "HEAD", "OPTIONS", "TRACE", "FOO", "PATCH", "POST"),
                    pick("/api/v1/datasets", "/api/v1/segmentations/" + jobId(), "/api/v2/x", "/error", "/"), null);
            case 14 -> malformed();
            default -> request(pick("GET", "POST"), randomPath() + query(), random.nextBoolean() ? null : jsonBody());
        };
    }

    private Request upload() {
        if (random.nextInt(3) == 0) { // a well-formed upload, which may still go wrong on the way
            return request("POST", "/api/v1/datasets?name=" + encode(text(random.nextInt(1, 12))), cleanCsv(),
                    "Content-Type: text/csv");
        }
        String contentType = pick("text/csv", "text/csv", "application/json", "application/x-ndjson",
                "multipart/form-data; boundary=fuzz", "text/plain", "");
        byte[] body = switch (contentType) {
            case "application/json" -> jsonBody();
            case "application/x-ndjson" -> (text(random.nextInt(1, 5)) + "\n" + new String(jsonBody(), StandardCharsets.UTF_8))
                    .getBytes(StandardCharsets.UTF_8);
            case "multipart/form-data; boundary=fuzz" -> ("--fuzz\r\nContent-Disposition: form-data; name=\""
                    + pick("file", "other", "") + "\"; filename=\"" + pick("crm.csv", "x.json", "a.gz", "") + "\"\r\n\r\n"
                    + new String(csv(), StandardCharsets.ISO_8859_1) + pick("\r\n--fuzz--\r\n", "", "\r\n--other--"))
                    .getBytes(StandardCharsets.ISO_8859_1);
            default -> csv();
        };
        String encoding = "";
        if (random.nextInt(6) == 0) {
            body = random.nextBoolean() ? Gzip.compress(body) : truncate(Gzip.compress(body));
            encoding = random.nextBoolean() ? "Content-Encoding: gzip\r\n" : "";
        } else if (random.nextInt(20) == 0) {
            encoding = "Content-Encoding: " + pick("br", "deflate", "gzip, br", "identity") + "\r\n";
        }
        String idempotency = random.nextInt(5) == 0 ? "Idempotency-Key: " + pick(randomUuid(), "",
                "k".repeat(300), "same-key") + "\r\n" : "";
        return request("POST", "/api/v1/datasets" + query(), body, "Content-Type: " + contentType + "\r\n" + encoding
                + idempotency);
    }

    private Request malformed() {
        return switch (random.nextInt(9)) {
            case 0 -> raw("GET /api/v1/datasets/%00 HTTP/1.1\r\n", null);
            case 1 -> raw("GET /api/v1/datasets/a%2Fb HTTP/1.1\r\n", null);
            case 2 -> raw("GET /api/v1/datasets/a%5Cb HTTP/1.1\r\n", null);
            case 3 -> raw("GET /api/v1/datasets?" + "q=" + "a".repeat(random.nextInt(7_000, 12_000)) + " HTTP/1.1\r\n", null);
            case 4 -> raw("GET /api/v1/datasets HTTP/1.1\r\nX-Big: " + "b".repeat(random.nextInt(7_000, 12_000)) + "\r\n", null);
            case 5 -> raw("POST /api/v1/datasets?" + pick("na\u0001me=x", "name=\u0085", "name=%C0%AF") + " HTTP/1.1\r\n"
                    + "Content-Type: text/csv\r\n", csv());
            case 6 -> raw("POST /api/v1/datasets HTTP/1.1\r\nContent-Type: text/csv\r\nX-Odd: a\u0085b\r\n", csv());
            case 7 -> raw("GET /api/v1/datasets HTTP/1.1\r\nAccept: " + pick(ACCEPT) + "\r\nX-Ctl: \u0001\r\n", null);
            default -> raw("GET /api/v1/datasets/" + "..;/x" + " HTTP/1.1\r\n", null);
        };
    }

    private Request raw(String requestLineAndHeaders, byte[] body) {
        String head = requestLineAndHeaders + "Host: localhost\r\nX-API-Key: " + targets.apiKey() + "\r\n";
        String line = requestLineAndHeaders.substring(0, requestLineAndHeaders.indexOf("\r\n"));
        String[] parts = line.split(" ");
        return new Request(parts[0], parts.length > 1 ? parts[1] : "", head, body);
    }

    private Request request(String method, String target, byte[] body, String... headers) {
        StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\nHost: localhost\r\n");
        switch (random.nextInt(12)) {
            case 0 -> { } // no key
            case 1 -> head.append("X-API-Key: ").append(pick("wrong-key", "", targets.apiKey() + " ")).append("\r\n");
            default -> head.append("X-API-Key: ").append(targets.apiKey()).append("\r\n");
        }
        if (random.nextInt(3) == 0) {
            head.append("Accept: ").append(pick(ACCEPT)).append("\r\n");
        }
        for (String header : headers) {
            head.append(header.endsWith("\r\n") || header.isEmpty() ? header : header + "\r\n");
        }
        if (random.nextInt(8) == 0) {
            head.append(pick("X-Fuzz", "Idempotency-Key", "Content-Encoding", "Range", "If-None-Match", "Origin",
                    "X-Forwarded-For")).append(": ").append(text(random.nextInt(0, 40))).append("\r\n");
        }
        return new Request(method, target, head.toString(), body);
    }

    private String query() {
        int parameters = random.nextInt(4);
        if (parameters == 0) {
            return "";
        }
        StringBuilder query = new StringBuilder("?");
        for (int i = 0; i < parameters; i++) {
            if (i > 0) {
                query.append('&');
            }
            query.append(encode(pick(QUERY_NAMES))).append('=').append(encode(queryValue()));
        }
        return query.toString();
    }

    private String queryValue() {
        return switch (random.nextInt(10)) {
            case 0 -> Integer.toString(random.nextInt(-5, 20));
            case 1 -> Long.toString(random.nextLong());
            case 2 -> pick(JOB_STATUSES);
            case 3 -> pick(targets.datasetId(), targets.jobId(), targets.otherJobId(), randomUuid());
            case 4 -> pick(",", ";", "|", "tab", "\t", "comma", "spend", "id", "S1", "S99");
            case 5 -> "";
            case 6 -> "99999999999999999999";
            case 7 -> "1e400";
            default -> text(random.nextInt(0, 30));
        };
    }

    private String datasetId() {
        return pick(targets.datasetId(), targets.datasetId(), targets.otherDatasetId(), randomUuid(),
                "not-a-uuid", "0", encode(text(random.nextInt(1, 10))));
    }

    private String jobId() {
        return pick(targets.jobId(), targets.jobId(), targets.otherJobId(), randomUuid(), "not-a-uuid",
                "", encode(text(random.nextInt(1, 10))));
    }

    private String segment() {
        return pick("0", "1", "-1", "99", "x", "2147483648", encode(text(random.nextInt(1, 6))));
    }

    private String randomPath() {
        StringBuilder path = new StringBuilder();
        int segments = random.nextInt(1, 5);
        for (int i = 0; i < segments; i++) {
            path.append('/').append(pick("api", "v1", "datasets", "segmentations", "..", ".", "actuator", "prometheus",
                    "swagger-ui", encode(text(random.nextInt(0, 8)))));
        }
        return path.toString();
    }

    /** JSON that is sometimes a valid request, mostly almost one: random fields and values, and broken syntax. */
    private byte[] jsonBody() {
        String json = switch (random.nextInt(8)) {
            case 0 -> "{\"datasetId\": \"" + targets.datasetId() + "\", \"k\": " + random.nextInt(-1, 6) + "}";
            case 1 -> "[" + jsonValue(2) + ", " + jsonValue(2) + "]";
            case 2 -> truncateText(jsonObject(3));
            case 3 -> "[" + "[".repeat(random.nextInt(1, 2000)) + "]";
            case 4 -> text(random.nextInt(0, 50));
            case 5 -> "";
            default -> jsonObject(3);
        };
        return json.getBytes(random.nextInt(10) == 0 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
    }

    private String jsonObject(int depth) {
        StringBuilder object = new StringBuilder("{");
        int fields = random.nextInt(0, 6);
        for (int i = 0; i < fields; i++) {
            if (i > 0) {
                object.append(", ");
            }
            object.append('"').append(escape(pick(JSON_FIELDS))).append("\": ").append(jsonValue(depth - 1));
        }
        return object.append('}').toString();
    }

    private String jsonValue(int depth) {
        return switch (random.nextInt(depth > 0 ? 10 : 8)) {
            case 0 -> Integer.toString(random.nextInt(-3, 120));
            case 1 -> pick("1e308", "-0", "1.7976931348623157E309", "0.000001", "NaN", "2147483648", "3.5");
            case 2 -> "\"" + escape(text(random.nextInt(0, 20))) + "\"";
            case 3 -> pick("true", "false", "null");
            case 4 -> "\"" + pick(targets.datasetId(), targets.jobId(), targets.otherDatasetId(), "STANDARD", "MINMAX",
                    "SILHOUETTE", "DROP_ROWS", "spend", "region", "http://127.0.0.1:1/x", "ftp://x") + "\"";
            case 5 -> "[\"" + pick("spend", "region", "visits", "id", "") + "\"]";
            case 6 -> "{\"min\": " + random.nextInt(-2, 8) + ", \"max\": " + random.nextInt(-2, 120) + "}";
            case 7 -> "{\"resamples\": " + random.nextInt(-2, 200) + "}";
            case 8 -> jsonObject(depth);
            default -> "[" + jsonValue(depth - 1) + "]";
        };
    }

    /** A job request that names the dataset and its columns, with options in and out of their ranges. */
    private byte[] jobRequest() {
        StringBuilder json = new StringBuilder("{\"datasetId\": \"" + pick(targets.datasetId(), targets.datasetId(),
                targets.otherDatasetId()) + "\"");
        json.append(random.nextBoolean() ? ", \"k\": " + random.nextInt(1, 6)
                : ", \"kRange\": {\"min\": " + random.nextInt(1, 4) + ", \"max\": " + random.nextInt(2, 8) + "}");
        if (random.nextBoolean()) {
            json.append(", \"features\": [\"").append(pick("age", "income", "score", "region", "nope")).append("\"]");
        }
        if (random.nextBoolean()) {
            json.append(", \"restarts\": ").append(random.nextInt(0, 4));
        }
        if (random.nextInt(4) == 0) {
            json.append(", \"scaling\": \"").append(pick("STANDARD", "MINMAX", "ROBUST", "NONE", "LOG")).append('"');
        }
        return json.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A valid CSV of unique customers. */
    private byte[] cleanCsv() {
        StringBuilder csv = new StringBuilder("id,spend,visits,region\n");
        int rows = random.nextInt(1, 60);
        for (int r = 0; r < rows; r++) {
            csv.append('c').append(r).append(',').append(Math.round(random.nextGaussian() * 100) / 10.0).append(',')
                    .append(random.nextInt(0, 40)).append(',').append(pick("north", "south", "east")).append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A CSV that is sometimes valid: a header and rows of random width, quoting, encoding and values. */
    private byte[] csv() {
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        String delimiter = pick(",", ",", ";", "\t", "|");
        int columns = random.nextInt(1, 6);
        if (random.nextInt(10) == 0) {
            csv.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        }
        StringBuilder header = new StringBuilder();
        for (int c = 0; c < columns; c++) {
            header.append(c > 0 ? delimiter : "").append(c == 0 && random.nextBoolean() ? "id" : pick("spend", "age",
                    "region", "\"quoted, name\"", "", "spend", text(random.nextInt(1, 8))));
        }
        csv.writeBytes((header + "\n").getBytes(StandardCharsets.UTF_8));
        int rows = random.nextInt(0, 30);
        for (int r = 0; r < rows; r++) {
            StringBuilder row = new StringBuilder();
            int width = random.nextInt(10) == 0 ? random.nextInt(1, columns + 3) : columns;
            for (int c = 0; c < width; c++) {
                row.append(c > 0 ? delimiter : "").append(switch (random.nextInt(8)) {
                    case 0 -> "";
                    case 1 -> pick("NA", "null", "NaN", "n/a");
                    case 2 -> "\"" + text(random.nextInt(0, 6)).replace("\"", "\"\"") + "\"";
                    case 3 -> "c" + random.nextInt(0, 20);
                    case 4 -> pick("north", "south", "=HYPERLINK(\"x\")", "+49");
                    default -> Double.toString(Math.round(random.nextGaussian() * 1000) / 10.0);
                });
            }
            csv.writeBytes((row + pick("\n", "\r\n", "\n")).getBytes(StandardCharsets.UTF_8));
        }
        if (random.nextInt(15) == 0) {
            csv.writeBytes(new byte[] {(byte) 0xC3, (byte) 0x28, 0, (byte) 0xFF}); // invalid UTF-8 and a NUL
        }
        return csv.toByteArray();
    }

    /** Text with the characters that break things: quotes, separators, controls, non-ASCII and surrogates. */
    private String text(int length) {
        String alphabet = "abcXYZ019 ,;|\t\"'\\{}[]:/?#&=%+.<>\u0000\u0001\u001f\u007f\u0085\u00e9\u00ff\u4e2d\ud83d\ude00";
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    /** Percent-encodes UTF-8, leaving what a URL may carry as it is, so that the request line stays one line. */
    private static String encode(String text) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (Character.isLetterOrDigit(c) && c < 128 || "-._~".indexOf(c) >= 0) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(String.format("%02X", c));
            }
        }
        return encoded.toString();
    }

    private static String escape(String text) {
        StringBuilder escaped = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                escaped.append('\\').append(c);
            } else if (c < 0x20) {
                escaped.append(String.format("\\u%04x", (int) c));
            } else {
                escaped.append(c);
            }
        }
        return escaped.toString();
    }

    private byte[] truncate(byte[] bytes) {
        return Arrays.copyOf(bytes, random.nextInt(0, Math.max(1, bytes.length)));
    }

    private String truncateText(String text) {
        return text.substring(0, random.nextInt(0, Math.max(1, text.length())));
    }

    private String randomUuid() {
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    @SafeVarargs
    private <T> T pick(T... options) {
        return options[random.nextInt(options.length)];
    }

    /** All the requests a seed gives, in order. */
    public static List<Request> generate(long seed, int count, Targets targets) {
        RequestFuzzer fuzzer = new RequestFuzzer(RandomGeneratorFactory.of("L64X128MixRandom").create(seed), targets);
        List<Request> requests = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            requests.add(fuzzer.next());
        }
        return requests;
    }
}
