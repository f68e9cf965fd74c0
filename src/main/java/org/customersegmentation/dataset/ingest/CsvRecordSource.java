package org.customersegmentation.dataset.ingest;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.customersegmentation.common.DomainException;

/** RFC 4180 CSV through FastCSV: the first record is the header, the delimiter is detected from it. */
final class CsvRecordSource implements RecordSource {

    static final String TITLE = "Invalid CSV";
    static final String DELIMITERS = ",;\t|";
    private static final int HEADER_SCAN_LIMIT = 1 << 20;
    private static final Pattern FASTCSV_LINE = Pattern.compile("record starting at line (\\d+)");

    private final CsvReader<CsvRecord> reader;
    private final Iterator<CsvRecord> records;
    private final List<String> header;
    private long line = 1;

    private CsvRecordSource(CsvReader<CsvRecord> reader, int maxColumns) {
        this.reader = reader;
        this.records = reader.iterator();
        CsvRecord first = nextRecord();
        if (first == null) {
            throw ContentErrors.at(TITLE, "The upload is empty: send a header line and at least one customer row.", 0, null);
        }
        this.header = checkedHeader(first.getFields(), maxColumns);
    }

    static CsvRecordSource open(InputStream body, Character delimiter, int maxColumns) {
        BufferedReader text = new BufferedReader(new StrictUtf8Reader(body, TITLE), 1 << 16);
        char separator = delimiter != null ? delimiter : detectDelimiter(text);
        CsvReader<CsvRecord> reader = CsvReader.builder()
                .fieldSeparator(separator)
                .allowUnclosedQuote(false)
                // counted in next(), to answer with the line and both counts
                .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
                .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
                .ofCsvRecord(text);
        return new CsvRecordSource(reader, maxColumns);
    }

    /** The candidate that occurs most often outside quotes in the header line; a comma when none does. */
    static char detectDelimiter(BufferedReader text) {
        int[] counts = new int[DELIMITERS.length()];
        try {
            text.mark(HEADER_SCAN_LIMIT);
            boolean quoted = false;
            for (int i = 0, c; i < HEADER_SCAN_LIMIT && (c = text.read()) >= 0; i++) {
                if (c == '"') {
                    quoted = !quoted;
                } else if (!quoted && (c == '\n' || c == '\r')) {
                    break;
                } else if (!quoted && DELIMITERS.indexOf(c) >= 0) {
                    counts[DELIMITERS.indexOf(c)]++;
                }
            }
            text.reset();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int best = 0;
        for (int i = 1; i < counts.length; i++) {
            if (counts[i] > counts[best]) {
                best = i;
            }
        }
        return DELIMITERS.charAt(best);
    }

    private static List<String> checkedHeader(List<String> fields, int maxColumns) {
        List<String> names = new ArrayList<>(fields.size());
        for (String field : fields) {
            String name = field.strip();
            ContentErrors.checkColumnName(TITLE, name, names.size() + 1, names, maxColumns, 1);
            names.add(name);
        }
        return List.copyOf(names);
    }

    @Override
    public List<String> columns() {
        return header;
    }

    @Override
    public String[] next() {
        CsvRecord record = nextRecord();
        if (record == null) {
            return null;
        }
        line = record.getStartingLineNumber();
        if (record.getFieldCount() != header.size()) {
            throw ContentErrors.at(TITLE, "Line " + line + " has " + record.getFieldCount() + " fields but the header has "
                    + header.size() + ".", line, null);
        }
        String[] values = new String[header.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = record.getField(i);
        }
        return values;
    }

    private CsvRecord nextRecord() {
        try {
            return records.hasNext() ? records.next() : null;
        } catch (CsvParseException e) {
            rethrowReadFailure(e);
            Matcher where = FASTCSV_LINE.matcher(String.valueOf(e.getMessage()));
            long at = where.find() ? Long.parseLong(where.group(1)) : 0;
            throw ContentErrors.at(TITLE, "The CSV could not be parsed: " + e.getMessage() + ".", at, null);
        } catch (UncheckedIOException e) {
            rethrowReadFailure(e);
            throw e;
        }
    }

    /**
     * FastCSV wraps what the reader below it throws; a fault of the body (too large, not UTF-8) or of reading
     * it (the client went away) is passed on as it was thrown, not as a parse error.
     */
    private static void rethrowReadFailure(RuntimeException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof DomainException || cause instanceof UncheckedIOException) {
                throw (RuntimeException) cause;
            }
        }
    }

    @Override
    public boolean fixedColumns() {
        return true;
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
        try {
            reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
