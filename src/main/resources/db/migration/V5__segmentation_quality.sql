-- The partition's quality indices, in the standardized space the clustering ran in. NULL for results stored
-- before they were computed, and where an index is undefined (fewer than two clusters with members).
alter table segmentation_result
    add column silhouette             double precision,
    add column silhouette_sample_size integer,
    add column davies_bouldin         double precision,
    add column calinski_harabasz      double precision;
