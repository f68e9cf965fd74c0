package org.customersegmentation.dataset.ingest;

import java.io.InputStream;
import java.util.Locale;
import org.springframework.http.MediaType;

/** The body formats an upload can come in, by media type. */
public enum UploadFormat {
    CSV("text/csv"),
    JSON("application/json"),
    NDJSON("application/x-ndjson");

    private final String mediaType;

    UploadFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    /** The format of a body with this media type; a multipart file part without a useful type is read as CSV. */
    public static UploadFormat of(MediaType type, String fileName) {
        for (UploadFormat format : values()) {
            if (type != null && MediaType.parseMediaType(format.mediaType).isCompatibleWith(type) && !type.isWildcardType()) {
                return format;
            }
        }
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT).replaceFirst("\\.gz$", "");
        if (name.endsWith(".ndjson") || name.endsWith(".jsonl")) {
            return NDJSON;
        }
        return name.endsWith(".json") ? JSON : CSV;
    }

    /** Opens a reader of this format over the (already decompressed) body. */
    public RecordSource open(InputStream body, Character delimiter, int maxColumns) {
        return switch (this) {
            case CSV -> CsvRecordSource.open(body, delimiter, maxColumns);
            case JSON -> JsonRecordSource.array(body, maxColumns);
            case NDJSON -> JsonRecordSource.lines(body, maxColumns);
        };
    }
}
