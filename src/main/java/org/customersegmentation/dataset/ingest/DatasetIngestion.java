package org.customersegmentation.dataset.ingest;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.customersegmentation.common.InvalidInputException;
import org.customersegmentation.dataset.DatasetProfile;
import org.customersegmentation.dataset.DatasetSchema;
import org.customersegmentation.dataset.profile.ColumnTally;
import org.customersegmentation.dataset.profile.NumericSpill;
import org.customersegmentation.dataset.profile.ProfileCalculator;
import org.customersegmentation.dataset.profile.ProfileStore;
import org.customersegmentation.dataset.storage.Dataset;
import org.customersegmentation.dataset.storage.DatasetColumn;
import org.customersegmentation.dataset.storage.DatasetRepository;
import org.customersegmentation.dataset.storage.RowLayout;
import org.customersegmentation.dataset.storage.RowTable;
import org.customersegmentation.dataset.web.DatasetView;
import org.customersegmentation.postgres.CopyFailures;
import org.customersegmentation.postgres.CopySession;
import org.customersegmentation.postgres.CopyTextWriter;
import org.customersegmentation.security.Tenant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Streams the records of an upload into the dataset's row table with COPY while tallying each column, then
 * decides the column types, checks the customer IDs, and stores the dataset and its profile. Runs in the
 * caller's transaction: whatever fails, the table, its rows and the dataset vanish together.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
public class DatasetIngestion {

    private static final Logger log = LoggerFactory.getLogger(DatasetIngestion.class);
    /** Far above any CRM's IDs, and far below what a unique index entry can hold. */
    static final int MAX_ID_LENGTH = 256;
    private static final Set<String> ID_HEADERS = Set.of("id", "customerid", "custid");

    private final DatasetRepository datasets;
    private final RowTable rowTable;
    private final ProfileStore profiles;
    private final Clock clock;
    private final int maxCorrelationColumns;

    DatasetIngestion(DatasetRepository datasets, RowTable rowTable, ProfileStore profiles, Clock clock,
                     @Value("${segmentation.profile.max-correlation-columns:50}") int maxCorrelationColumns) {
        this.datasets = datasets;
        this.rowTable = rowTable;
        this.profiles = profiles;
        this.clock = clock;
        this.maxCorrelationColumns = maxCorrelationColumns;
    }

    public DatasetView ingest(Tenant tenant, Upload upload, RecordSource source) {
        String[] first = source.next();
        if (first == null) {
            throw ContentErrors.at(source.errorTitle(), "The upload has a header but no customer rows.", 0, null);
        }
        UUID id = UUID.randomUUID();
        requireShortNames(source, 0);
        Columns columns = new Columns(source.columns(), idColumnIndex(source, upload.idColumn()), upload.maxCategories());
        RowLayout layout = RowLayout.of(source.fixedColumns(), columns.width);
        rowTable.create(id, layout, columns.width);
        long started = System.nanoTime();
        try (NumericSpill spill = new NumericSpill(columns.tallies.size())) {
            int rowCount = load(id, layout, source, first, columns, spill);
            long loaded = System.nanoTime();
            String idColumn = columns.idName;
            if (idColumn != null) {
                requireUniqueIds(id, source.errorTitle(), idColumn);
            }
            if (columns.tallies.isEmpty()) {
                throw new InvalidInputException(source.errorTitle(), "The upload has no column"
                        + (columns.idName == null ? "" : " besides the customer ID '" + columns.idName + "'")
                        + ": send at least one column of values to segment the customers on.");
            }
            long checked = System.nanoTime();
            DatasetProfile profile = ProfileCalculator.profile(rowCount, columns.tallies, spill, maxCorrelationColumns);
            long profiled = System.nanoTime();
            Dataset dataset = datasets.saveAndFlush(new Dataset(id, tenant.id(), upload.name(), rowCount, idColumn,
                    Instant.now(clock), layout, columns.tallies.stream().map(tally -> new DatasetColumn(tally.name(),
                            tally.type(), Math.toIntExact(tally.missing()), tally.distinct())).toList()));
            profiles.save(id, profile);
            log.info("Dataset {} loaded: {} customers x {} columns; streaming {} ms, ID check {} ms, profile {} ms, saving {} ms",
                    id, rowCount, columns.tallies.size(), millis(started, loaded), millis(loaded, checked),
                    millis(checked, profiled), millis(profiled, System.nanoTime()));
            return DatasetView.of(dataset);
        }
    }

    private static void requireShortNames(RecordSource source, int from) {
        List<String> names = source.columns();
        for (int position = from; position < names.size(); position++) {
            if (names.get(position).length() > DatasetSchema.MAX_COLUMN_NAME_LENGTH) {
                throw ContentErrors.at(source.errorTitle(), "Column " + (position + 1) + "'s name is longer than "
                        + DatasetSchema.MAX_COLUMN_NAME_LENGTH + " characters; shorten it.", source.line(), null);
            }
        }
    }

    private static long millis(long from, long to) {
        return (to - from) / 1_000_000;
    }

    private int load(UUID id, RowLayout layout, RecordSource source, String[] first, Columns columns, NumericSpill spill) {
        int row = 0;
        try (CopySession copy = rowTable.copy(id, layout, columns.width)) {
            for (String[] raw = first; raw != null; raw = source.next()) {
                if (raw.length > columns.sourceWidth) {
                    requireShortNames(source, columns.sourceWidth);
                    columns.widen(source.columns(), row); // JSON only, whose rows are arrays: no DDL needed
                }
                row = Math.addExact(row, 1);
                columns.tally(write(copy.rows(), layout, row, source, raw, columns), spill);
            }
            long stored = copy.finish();
            if (stored != row) {
                throw new IllegalStateException("COPY stored " + stored + " rows of " + row);
            }
            return row;
        } catch (IOException e) {
            throw CopyFailures.translate(e);
        }
    }

    /** Writes one customer to the COPY; returns its values, normalized, one per tallied column. */
    private static String[] write(CopyTextWriter out, RowLayout layout, int row, RecordSource source, String[] raw,
                                  Columns columns) throws IOException {
        long line = source.line();
        out.number(row).number(line);
        if (columns.idIndex < 0) {
            out.text(Integer.toString(row));
        } else {
            String customerId = checked(MissingValues.normalize(raw[columns.idIndex]), source, line, columns.idIndex);
            String idColumn = columns.idName;
            if (customerId == null) {
                throw ContentErrors.at(source.errorTitle(), "Line " + line + " has no customer ID in column '" + idColumn
                        + "'.", line, idColumn);
            }
            if (customerId.length() > MAX_ID_LENGTH) {
                throw ContentErrors.at(source.errorTitle(), "Line " + line + " has a customer ID longer than "
                        + MAX_ID_LENGTH + " characters in column '" + idColumn + "'.", line, idColumn);
            }
            out.text(customerId);
        }
        String[] values = new String[columns.width];
        int value = 0;
        for (int field = 0; field < raw.length; field++) {
            if (field == columns.idIndex) {
                continue;
            }
            values[value++] = checked(MissingValues.normalize(raw[field]), source, line, field);
        }
        if (layout == RowLayout.COLUMNS) {
            for (String v : values) {
                out.text(v);
            }
        } else {
            out.textArray(values);
        }
        out.endRow();
        return values;
    }

    /** PostgreSQL text cannot hold U+0000, and no CRM value needs one. */
    private static String checked(String value, RecordSource source, long line, int field) {
        if (value != null && value.indexOf('\0') >= 0) {
            String column = source.columns().get(field);
            throw ContentErrors.at(source.errorTitle(), "Line " + line + " has a NUL character in column '" + column + "'.",
                    line, column);
        }
        return value;
    }

    private void requireUniqueIds(UUID id, String title, String idColumn) {
        if (!rowTable.indexUniqueCustomerIds(id)) {
            long[] lines = rowTable.firstDuplicateLines(id);
            throw ContentErrors.at(title, "Lines " + lines[0] + " and " + lines[1] + " have the same customer ID in column '"
                    + idColumn + "'; customer IDs must be unique.", lines[1], idColumn);
        }
    }

    /** The requested column, else the first that reads as a customer ID, else -1: customers are numbered. */
    static int idColumnIndex(RecordSource source, String requested) {
        List<String> names = source.columns();
        if (requested != null && !requested.isBlank()) {
            int index = names.indexOf(requested.strip());
            if (index < 0) {
                throw ContentErrors.at(source.errorTitle(), "idColumn '" + requested.strip() + "' is not a column of the "
                        + "upload; its columns are named by the header (CSV) or the first record's keys (JSON).", 0, null);
            }
            return index;
        }
        for (int i = 0; i < names.size(); i++) {
            if (ID_HEADERS.contains(names.get(i).toLowerCase(Locale.ROOT).replaceAll("[_\\-\\s]", ""))) {
                return i;
            }
        }
        return -1;
    }

    /** The upload's columns in source order, and a tally for each one but the customer-ID column. */
    private static final class Columns {
        final int idIndex;
        /** The customer-ID column's name, or null when customers are numbered. */
        final String idName;
        final int maxCategories;
        final List<ColumnTally> tallies = new ArrayList<>();
        int sourceWidth;
        /** How many columns are tallied. */
        int width;
        private double[] numbers;

        Columns(List<String> names, int idIndex, int maxCategories) {
            this.idIndex = idIndex;
            this.idName = idIndex < 0 ? null : names.get(idIndex);
            this.maxCategories = maxCategories;
            widen(names, 0);
        }

        /** Adds the columns a JSON record brought; the rows before it have no value there. */
        void widen(List<String> names, int rowsSoFar) {
            for (int field = sourceWidth; field < names.size(); field++) {
                if (field != idIndex) {
                    tallies.add(new ColumnTally(names.get(field), maxCategories, rowsSoFar));
                }
            }
            sourceWidth = names.size();
            width = tallies.size();
            numbers = new double[width];
        }

        /** Counts one customer's values and spills its numbers. */
        void tally(String[] values, NumericSpill spill) {
            for (int c = 0; c < values.length; c++) {
                numbers[c] = tallies.get(c).accept(values[c]);
            }
            spill.add(numbers);
        }
    }
}
