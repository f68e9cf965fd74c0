package org.customersegmentation.dataset.profile;

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
public final class NumericSpill implements AutoCloseable {

    private static final int BLOCK_VALUES = 1 << 20;
    /**
     * Reads and writes go through buffers this small: allocating buffers of a whole block per read or write made
     * G1 run a concurrent cycle for each of these humongous objects at a 512 MB heap.
     */
    private static final int IO_BYTES = 1 << 18;

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
    private final ByteBuffer writeBuffer = ByteBuffer.allocateDirect(IO_BYTES).order(ByteOrder.nativeOrder());
    private int bufferedRows;
    private long rows;
    private long offset;

    public NumericSpill(int columns) {
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
    public void add(double[] row) {
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
        double[] values = new double[0];
        for (Block block : blocks) {
            int length = block.columns() * block.rows();
            if (values.length < length) {
                values = new double[length];
            }
            read(block.offset(), values, 0, length);
            visitor.visit(values, block.columns(), block.rows());
        }
    }

    private void resize(int newColumns) {
        columns = newColumns;
        blockRows = Math.max(64, BLOCK_VALUES / Math.max(1, newColumns));
        buffer = new double[Math.max(1, newColumns) * blockRows];
    }

    private synchronized void flush() {
        if (bufferedRows == 0) {
            return;
        }
        long start = offset;
        for (int c = 0; c < columns; c++) {
            for (int from = 0; from < bufferedRows; from += IO_BYTES / Double.BYTES) {
                int count = Math.min(IO_BYTES / Double.BYTES, bufferedRows - from);
                writeBuffer.clear();
                writeBuffer.asDoubleBuffer().put(buffer, c * blockRows + from, count);
                writeBuffer.limit(count * Double.BYTES);
                try {
                    while (writeBuffer.hasRemaining()) {
                        offset += channel.write(writeBuffer, offset);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        blocks.add(new Block(start, columns, bufferedRows));
        bufferedRows = 0;
    }

    /** Thread-safe: positional reads, and a buffer of the caller's own. */
    private void read(long position, double[] target, int at, int count) {
        ByteBuffer bytes = ByteBuffer.allocate(IO_BYTES).order(ByteOrder.nativeOrder());
        for (int done = 0; done < count; ) {
            int chunk = Math.min(IO_BYTES / Double.BYTES, count - done);
            bytes.clear().limit(chunk * Double.BYTES);
            try {
                while (bytes.hasRemaining()) {
                    if (channel.read(bytes, position + (long) done * Double.BYTES + bytes.position()) < 0) {
                        throw new IllegalStateException("The spill file ended early");
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            bytes.flip();
            bytes.asDoubleBuffer().get(target, at + done, chunk);
            done += chunk;
        }
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
