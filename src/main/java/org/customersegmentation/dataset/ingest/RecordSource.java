package org.customersegmentation.dataset.ingest;

import java.io.Closeable;
import java.util.List;

/**
 * An upload read one customer record at a time, so that no more than one record is held. Values are the raw
 * text the caller sent; {@code null} where a JSON record has no value for a column.
 */
public interface RecordSource extends Closeable {

    /**
     * The column names seen so far, in order of first appearance. A CSV knows them all from its header; JSON
     * records may bring new keys, which are appended.
     */
    List<String> columns();

    /** True when {@link #columns()} is complete before the first record (a CSV header), false when it can grow. */
    boolean fixedColumns();

    /** The next record, one value per column known once it was read; {@code null} after the last record. */
    String[] next();

    /** The 1-based line of the body on which the last record returned starts. */
    long line();

    /** The title of this format's content errors, for example "Invalid CSV". */
    String errorTitle();

    @Override
    void close();
}
