package org.customersegmentation.dataset.storage;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import org.customersegmentation.dataset.ColumnType;

@Embeddable
public class DatasetColumn {

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

    public DatasetColumn(String name, ColumnType type, int missingCount, Integer distinctCount) {
        this.name = name;
        this.type = type;
        this.missingCount = missingCount;
        this.distinctCount = distinctCount;
    }

    public String name() {
        return name;
    }

    public ColumnType type() {
        return type;
    }

    public int missingCount() {
        return missingCount;
    }

    public Integer distinctCount() {
        return distinctCount;
    }
}
