package org.customersegmentation.dataset.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.customersegmentation.common.UploadInterruptedException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.json.JsonFactory;

/**
 * Flat JSON records through Jackson's streaming parser: either one array of objects ({@code application/json})
 * or one object per line ({@code application/x-ndjson}). Columns are the keys in order of first appearance;
 * a record without a key has no value for it. Scalars keep the text they were sent as.
 */
final class JsonRecordSource implements RecordSource {

    static final String TITLE = "Invalid JSON";
    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private final JsonParser parser;
    private final boolean array;
    private final int maxColumns;
    private final List<String> columns = new ArrayList<>();
    private final Map<String, Integer> columnIndex = new HashMap<>();
    private long line;
    private long records;
    private boolean finished;

    private JsonRecordSource(InputStream body, boolean array, int maxColumns) {
        this.parser = FACTORY.createParser(ObjectReadContext.empty(), body);
        this.array = array;
        this.maxColumns = maxColumns;
        JsonToken first;
        try {
            first = token();
        } catch (JacksonException e) {
            throw unparsable(e);
        }
        if (first == null) {
            throw ContentErrors.at(TITLE, "The upload is empty: send " + (array ? "an array of customer objects." : "one customer object per line."), 0, null);
        }
        if (array && first != JsonToken.START_ARRAY) {
            throw notFlatRecords("The body must be a JSON array of flat customer objects, like [{\"id\": \"c1\", \"age\": 31}].");
        }
    }

    static JsonRecordSource array(InputStream body, int maxColumns) {
        return new JsonRecordSource(body, true, maxColumns);
    }

    static JsonRecordSource lines(InputStream body, int maxColumns) {
        return new JsonRecordSource(body, false, maxColumns);
    }

    @Override
    public List<String> columns() {
        return List.copyOf(columns);
    }

    @Override
    public String[] next() {
        try {
            return readRecord();
        } catch (JacksonIOException e) {
            throw e.getCause() instanceof IOException cause ? new UploadInterruptedException(cause) : e;
        } catch (JacksonException e) {
            throw unparsable(e);
        }
    }

    private String[] readRecord() {
        if (finished) {
            return null;
        }
        JsonToken token = array ? token() : records == 0 ? parser.currentToken() : token();
        if (token == null || (array && token == JsonToken.END_ARRAY)) {
            finish();
            return null;
        }
        if (token != JsonToken.START_OBJECT) {
            throw notFlatRecords((array ? "Every element of the array" : "Every line") + " must be a flat JSON object of one customer.");
        }
        line = parser.currentTokenLocation().getLineNr();
        records++;
        String[] values = new String[0];
        boolean[] seen = new boolean[0];
        for (JsonToken field = token(); field != JsonToken.END_OBJECT; field = token()) {
            String key = parser.currentName();
            int index = indexOf(key);
            if (index >= values.length) {
                values = Arrays.copyOf(values, columns.size());
                seen = Arrays.copyOf(seen, columns.size());
            }
            if (seen[index]) {
                throw ContentErrors.at(TITLE, "The record on line " + line + " has the key '" + key + "' twice.", line, key);
            }
            seen[index] = true;
            values[index] = scalar(token(), key);
        }
        return values.length == columns.size() ? values : Arrays.copyOf(values, columns.size());
    }

    private int indexOf(String key) {
        Integer index = columnIndex.get(key);
        if (index != null) {
            return index;
        }
        String name = key.strip();
        ContentErrors.checkColumnName(TITLE, name, columns.size() + 1, columns, maxColumns, line);
        columns.add(name);
        columnIndex.put(key, columns.size() - 1);
        return columns.size() - 1;
    }

    private String scalar(JsonToken token, String key) {
        return switch (token) {
            case VALUE_NULL -> null;
            case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parser.getString();
            case VALUE_TRUE -> "true";
            case VALUE_FALSE -> "false";
            default -> throw ContentErrors.at(TITLE, "The record on line " + line + " holds " + (token == JsonToken.START_ARRAY
                    ? "an array" : "an object") + " under '" + key + "'; send flat records whose values are strings, "
                    + "numbers, booleans or null.", parser.currentTokenLocation().getLineNr(), key);
        };
    }

    private void finish() {
        finished = true;
        if (array && token() != null) {
            throw ContentErrors.at(TITLE, "There is content after the JSON array; send one array.", lineHere(), null);
        }
        if (records == 0) {
            throw ContentErrors.at(TITLE, "The upload holds no customer records.", lineHere(), null);
        }
    }

    private JsonToken token() {
        return parser.nextToken();
    }

    /** Jackson's own message, without the location it appends (the problem has the line). */
    private static RuntimeException unparsable(JacksonException e) {
        long at = e.getLocation() != null ? e.getLocation().getLineNr() : 0;
        String reason = String.valueOf(e.getOriginalMessage()).replaceAll("(?s)\\s*\\(start marker at .*|\\s*at \\[Source.*", "");
        return ContentErrors.at(TITLE, "The JSON could not be parsed at line " + at + ": " + reason + ".", at, null);
    }

    private RuntimeException notFlatRecords(String detail) {
        return ContentErrors.at(TITLE, detail, lineHere(), null);
    }

    private long lineHere() {
        return parser.currentTokenLocation().getLineNr();
    }

    @Override
    public boolean fixedColumns() {
        return false;
    }

    @Override
    public long line() {
        return line;
    }

    @Override
    public String errorTitle() {
        return TITLE;
    }

    @Override
    public void close() {
        parser.close();
    }
}
