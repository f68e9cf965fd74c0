package org.customersegmentation.dataset.storage;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@Entity
@Table(name = "dataset")
public class Dataset {

    @Id
    private UUID id;

    @Column(name = "tenant_id", nullable = false)
    private String tenantId;

    @Column(nullable = false)
    private String name;

    @Column(name = "row_count", nullable = false)
    private int rowCount;

    @Column(name = "id_column")
    private String idColumn;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "row_layout", nullable = false)
    private RowLayout rowLayout;

    @ElementCollection
    @CollectionTable(name = "dataset_column", joinColumns = @JoinColumn(name = "dataset_id"))
    @OrderColumn(name = "position")
    private List<DatasetColumn> columns = new ArrayList<>();

    protected Dataset() {
    }

    public Dataset(UUID id, String tenantId, String name, int rowCount, String idColumn, Instant createdAt, RowLayout rowLayout,
            List<DatasetColumn> columns) {
        this.id = id;
        this.tenantId = tenantId;
        this.name = name;
        this.rowCount = rowCount;
        this.idColumn = idColumn;
        this.createdAt = createdAt;
        this.rowLayout = rowLayout;
        this.columns = new ArrayList<>(columns);
    }

    public UUID id() {
        return id;
    }

    public String name() {
        return name;
    }

    public int rowCount() {
        return rowCount;
    }

    public String idColumn() {
        return idColumn;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public RowLayout rowLayout() {
        return rowLayout;
    }

    public List<DatasetColumn> columns() {
        return List.copyOf(columns);
    }
}
