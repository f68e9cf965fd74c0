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

    /** Distinct values of a CATEGORICAL column; null for other types. */
    @Column(name = "distinct_count")
    private Integer distinctCount;

    protected DatasetColumn() {
    }

    DatasetColumn(String name, ColumnType type, int missingCount, Integer distinctCount) {
        this.name = name;
        this.type = type;
        this.missingCount = missingCount;
        this.distinctCount = distinctCount;
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

    Integer distinctCount() {
        return distinctCount;
    }
}
