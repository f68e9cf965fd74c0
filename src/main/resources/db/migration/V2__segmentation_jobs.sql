-- The job row is the only record of a job: workers claim QUEUED rows with FOR UPDATE SKIP LOCKED,
-- and attempt counts the claims so that a stale worker's results can be refused.
create table segmentation_job (
    id           uuid primary key,
    tenant_id    text        not null,
    dataset_id   uuid        not null references dataset (id),
    status       text        not null check (status in ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED')),
    k            integer     not null,
    features     text[]      not null,
    seed         bigint      not null,
    restarts     integer     not null,
    attempt      integer     not null,
    created_at   timestamptz not null,
    started_at   timestamptz,
    finished_at  timestamptz,
    error_title  text,
    error_detail text
);

create index segmentation_job_queue_idx on segmentation_job (created_at) where status = 'QUEUED';
create index segmentation_job_tenant_created_idx on segmentation_job (tenant_id, created_at desc);
