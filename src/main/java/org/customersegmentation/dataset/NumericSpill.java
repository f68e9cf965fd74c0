package org.customersegmentation.dataset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The numbers of an upload, kept in a temporary file rather than in memory, so the profile can be computed
 * exactly (percentiles need every value) while the upload itself streams. Rows are buffered in blocks and
 * written column by column, so one column reads back in a few large sequential reads.
 */
final class NumericSpill implements AutoCloseable {

    private static final int BLOCK_VALUES = 1 << 20;

    /** A block of {@code rows} rows of {@code columns} columns, column-major, at {@code offset} in the file. */
    record Block(long offset, int columns, int rows) {
    }

    @FunctionalInterface
    interface BlockVisitor {
        /** @param values column-major: column c of row r is {@code values[c * rows + r]} */
        void visit(double[] values, int columns, int rows);
    }

    private final Path file;
    private final FileChannel channel;
    private final List<Block> blocks = new ArrayList<>();
    private int columns;
    private int blockRows;
    private double[] buffer;
    private int bufferedRows;
    private long rows;
    private long offset;

    NumericSpill(int columns) {
        try {
            this.file = Files.createTempFile("dataset-upload-", ".numbers");
            this.channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE,
                    StandardOpenOption.DELETE_ON_CLOSE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        resize(columns);
    }

    /** Appends one row; a longer row than before widens the spill, earlier rows read back NaN there. */
    void add(double[] row) {
        if (row.length > columns) {
            flush();
            resize(row.length);
        }
        for (int c = 0; c < row.length; c++) {
            buffer[c * blockRows + bufferedRows] = row[c];
        }
        for (int c = row.length; c < columns; c++) {
            buffer[c * blockRows + bufferedRows] = Double.NaN;
        }
        rows++;
        if (++bufferedRows == blockRows) {
            flush();
        }
    }

    long rows() {
        return rows;
    }

    /** Every row's value of column {@code c}, NaN where missing or not a number. */
    double[] column(int c) {
        flush();
        double[] values = new double[Math.toIntExact(rows)];
        int at = 0;
        for (Block block : blocks) {
            if (c < block.columns()) {
                read(block.offset() + (long) c * block.rows() * Double.BYTES, values, at, block.rows());
            } else {
                Arrays.fill(values, at, at + block.rows(), Double.NaN);
            }
            at += block.rows();
        }
        return values;
    }

    /** Reads the blocks back in order. */
    void forEachBlock(BlockVisitor visitor) {
        flush();
        for (Block block : blocks) {
            double[] values = new double[block.columns() * block.rows()];
            read(block.offset(), values, 0, values.length);
            visitor.visit(values, block.columns(), block.rows());
        }
    }

    private void resize(int newColumns) {
        columns = newColumns;
        blockRows = Math.max(64, BLOCK_VALUES / Math.max(1, newColumns));
        buffer = new double[Math.max(1, newColumns) * blockRows];
    }

    private void flush() {
        if (bufferedRows == 0) {
            return;
        }
        ByteBuffer bytes = ByteBuffer.allocate(columns * bufferedRows * Double.BYTES).order(ByteOrder.nativeOrder());
        for (int c = 0; c < columns; c++) {
            bytes.asDoubleBuffer().put(buffer, c * blockRows, bufferedRows);
            bytes.position(bytes.position() + bufferedRows * Double.BYTES);
        }
        bytes.flip();
        try {
            while (bytes.hasRemaining()) {
                channel.write(bytes, offset + bytes.position());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        blocks.add(new Block(offset, columns, bufferedRows));
        offset += bytes.limit();
        bufferedRows = 0;
    }

    private void read(long position, double[] target, int at, int count) {
        ByteBuffer bytes = ByteBuffer.allocate(count * Double.BYTES).order(ByteOrder.nativeOrder());
        try {
            while (bytes.hasRemaining()) {
                if (channel.read(bytes, position + bytes.position()) < 0) {
                    throw new IllegalStateException("The spill file ended early");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        bytes.flip();
        bytes.asDoubleBuffer().get(target, at, count);
    }

    @Override
    public void close() {
        try {
            channel.close();
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
