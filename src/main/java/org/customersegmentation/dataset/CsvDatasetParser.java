package org.customersegmentation.dataset;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.customersegmentation.web.InvalidRequestException;
import org.customersegmentation.web.PayloadTooLargeException;

/**
 * Reads a CSV upload (first row = header) into a {@link ParsedDataset}, rejecting with a message that names the
 * line and column whatever a caller has to fix. Values of the caller's customers are never put in a message.
 */
final class CsvDatasetParser {

    private static final Set<String> ID_HEADERS = Set.of("id", "customerid", "custid");
    private static final String TITLE = "Invalid CSV";

    private CsvDatasetParser() {
    }

    static ParsedDataset parse(InputStream csv, String requestedIdColumn) {
        List<String> header = null;
        List<CsvRecord> records = new ArrayList<>();
        try (CsvReader<CsvRecord> reader = CsvReader.builder()
                .detectBomHeader(true)
                // counted below, to answer with the line and both counts
                .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
                .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
                .ofCsvRecord(csv, StandardCharsets.UTF_8)) {
            for (CsvRecord record : reader) {
                if (header == null) {
                    header = checkedHeader(record.getFields());
                } else {
                    rejectNulCharacters(record, header);
                    if (record.getFieldCount() != header.size()) {
                        throw invalid("Line " + record.getStartingLineNumber() + " has " + record.getFieldCount()
                                + " fields but the header has " + header.size() + ".", record.getStartingLineNumber(), null);
                    }
                    records.add(record);
                }
            }
        } catch (CsvParseException e) {
            if (e.getCause() instanceof PayloadTooLargeException tooLarge) {
                throw tooLarge;
            }
            throw new InvalidRequestException(TITLE, "The CSV could not be parsed: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (header == null) {
            throw new InvalidRequestException(TITLE, "The upload is empty: send a header line and at least one customer row.");
        }
        if (records.isEmpty()) {
            throw new InvalidRequestException(TITLE, "The CSV has a header but no customer rows.");
        }
        return typed(header, records, idColumnIndex(header, requestedIdColumn));
    }

    /** PostgreSQL text cannot hold U+0000, and no CRM value needs one. */
    private static void rejectNulCharacters(CsvRecord record, List<String> header) {
        for (int field = 0; field < record.getFieldCount(); field++) {
            if (record.getField(field).indexOf('\0') >= 0) {
                String column = field < header.size() ? header.get(field) : null;
                throw invalid("Line " + record.getStartingLineNumber() + " has a NUL character"
                        + (column == null ? "" : " in column '" + column + "'") + ".", record.getStartingLineNumber(), column);
            }
        }
    }

    private static List<String> checkedHeader(List<String> fields) {
        List<String> header = fields.stream().map(String::trim).toList();
        if (header.stream().anyMatch(name -> name.indexOf('\0') >= 0)) {
            throw invalid("The header has a NUL character.", 1, null);
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).isEmpty()) {
                throw invalid("Header column " + (i + 1) + " has no name.", 1, null);
            }
            if (!seen.add(header.get(i))) {
                throw invalid("The header names column '" + header.get(i) + "' twice.", 1, header.get(i));
            }
        }
        return header;
    }

    /** The requested column, else the first header that reads as a customer ID, else -1 (number rows). */
    static int idColumnIndex(List<String> header, String requested) {
        if (requested != null && !requested.isBlank()) {
            int index = header.indexOf(requested.trim());
            if (index < 0) {
                throw new InvalidRequestException(TITLE, "idColumn '" + requested.trim() + "' is not a column of the CSV header.");
            }
            return index;
        }
        for (int i = 0; i < header.size(); i++) {
            String normalized = header.get(i).toLowerCase(Locale.ROOT).replaceAll("[_\\-\\s]", "");
            if (ID_HEADERS.contains(normalized)) {
                return i;
            }
        }
        return -1;
    }

    private static ParsedDataset typed(List<String> header, List<CsvRecord> records, int idIndex) {
        int n = records.size();
        List<ParsedDataset.ParsedColumn> columns = new ArrayList<>();
        List<Integer> numericFields = new ArrayList<>();
        List<Integer> categoricalFields = new ArrayList<>();
        for (int field = 0; field < header.size(); field++) {
            if (field == idIndex) {
                continue;
            }
            int missing = 0;
            boolean numeric = true;
            for (CsvRecord record : records) {
                String value = record.getField(field).trim();
                if (value.isEmpty()) {
                    missing++;
                } else if (numeric && !ColumnType.isNumber(value)) {
                    numeric = false;
                }
            }
            List<Integer> sameType = numeric ? numericFields : categoricalFields;
            sameType.add(field);
            columns.add(new ParsedDataset.ParsedColumn(header.get(field),
                    numeric ? ColumnType.NUMERIC : ColumnType.CATEGORICAL, missing, sameType.size()));
        }

        String[] customerIds = customerIds(header, records, idIndex);
        double[][] numeric = new double[n][numericFields.size()];
        String[][] categorical = new String[n][categoricalFields.size()];
        for (int i = 0; i < n; i++) {
            CsvRecord record = records.get(i);
            for (int j = 0; j < numericFields.size(); j++) {
                String value = record.getField(numericFields.get(j)).trim();
                numeric[i][j] = value.isEmpty() ? Double.NaN : Double.parseDouble(value);
            }
            for (int j = 0; j < categoricalFields.size(); j++) {
                String value = record.getField(categoricalFields.get(j)).trim();
                categorical[i][j] = value.isEmpty() ? null : value;
            }
        }
        return new ParsedDataset(idIndex < 0 ? null : header.get(idIndex), columns, customerIds, numeric, categorical);
    }

    private static String[] customerIds(List<String> header, List<CsvRecord> records, int idIndex) {
        String[] ids = new String[records.size()];
        Map<String, Long> lineOfId = new HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            CsvRecord record = records.get(i);
            if (idIndex < 0) {
                ids[i] = Integer.toString(i + 1);
                continue;
            }
            String column = header.get(idIndex);
            ids[i] = record.getField(idIndex).trim();
            long line = record.getStartingLineNumber();
            if (ids[i].isEmpty()) {
                throw invalid("Line " + line + " has no customer ID in column '" + column + "'.", line, column);
            }
            Long earlier = lineOfId.putIfAbsent(ids[i], line);
            if (earlier != null) {
                throw invalid("Lines " + earlier + " and " + line + " have the same customer ID in column '" + column
                        + "'; customer IDs must be unique.", line, column);
            }
        }
        return ids;
    }

    private static InvalidRequestException invalid(String detail, long line, String column) {
        Map<String, Object> where = new HashMap<>();
        where.put("line", line);
        if (column != null) {
            where.put("column", column);
        }
        return new InvalidRequestException(TITLE, detail, where);
    }
}
