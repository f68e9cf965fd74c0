package org.customersegmentation.dataset.ingest;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.customersegmentation.common.InvalidInputException;

/** Builds the 400 for a fault in an upload's content, with {@code line} and {@code column} where they are known. */
public final class ContentErrors {

    private ContentErrors() {
    }

    public static InvalidInputException at(String title, String detail, long line, String column) {
        Map<String, Object> where = new LinkedHashMap<>();
        if (line > 0) {
            where.put("line", line);
        }
        if (column != null) {
            where.put("column", column);
        }
        return new InvalidInputException(title, detail, where);
    }

    /** A header's names are unique, non-empty and at most {@code maxColumns}. */
    static void checkColumnName(String title, String name, int position, Collection<String> earlier,
                                int maxColumns, long line) {
        if (name.isEmpty()) {
            throw at(title, "Column " + position + " has no name.", line, null);
        }
        if (name.indexOf('\0') >= 0) {
            throw at(title, "The name of column " + position + " has a NUL character.", line, null);
        }
        if (earlier.contains(name)) {
            throw at(title, "Column '" + name + "' is named twice.", line, name);
        }
        if (position > maxColumns) {
            throw at(title, "The upload has more than " + maxColumns + " columns (segmentation.upload.max-columns).",
                    line, null);
        }
    }
}
