-- A job either has a fixed k or chooses it from k_min..k_max by k_selection; the result keeps every candidate.
alter table segmentation_job alter column k drop not null;
alter table segmentation_job
    add column k_min       integer,
    add column k_max       integer,
    add column k_selection text check (k_selection in ('SILHOUETTE', 'ELBOW', 'DAVIES_BOULDIN', 'CALINSKI_HARABASZ'));
alter table segmentation_job add constraint segmentation_job_k_check
    check ((k is not null and k_min is null and k_max is null and k_selection is null)
        or (k is null and k_min is not null and k_max is not null and k_selection is not null));

alter table segmentation_result add column k_selection text;

create table segmentation_candidate (
    job_id                 uuid             not null references segmentation_result (job_id) on delete cascade,
    k                      integer          not null,
    inertia                double precision not null,
    silhouette             double precision,
    silhouette_sample_size integer          not null,
    davies_bouldin         double precision,
    calinski_harabasz      double precision,
    smallest_share         double precision not null,
    primary key (job_id, k)
);
