package org.customersegmentation.dataset;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

@Embeddable
class DatasetColumn {

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ColumnType type;

    @Column(name = "missing_count", nullable = false)
    private int missingCount;

    /** 1-based subscript into the row's array of this column's type. */
    @Column(name = "array_index", nullable = false)
    private int arrayIndex;

    protected DatasetColumn() {
    }

    DatasetColumn(String name, ColumnType type, int missingCount, int arrayIndex) {
        this.name = name;
        this.type = type;
        this.missingCount = missingCount;
        this.arrayIndex = arrayIndex;
    }

    String name() {
        return name;
    }

    ColumnType type() {
        return type;
    }

    int missingCount() {
        return missingCount;
    }

    int arrayIndex() {
        return arrayIndex;
    }
}
