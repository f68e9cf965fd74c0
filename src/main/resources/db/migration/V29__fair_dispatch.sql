-- Jobs wait in their tenant's own line until the tenant has fewer jobs running than it may run at once; only then
-- are they handed to the scheduler (dispatched_at set, a db-scheduler execution created). Jobs queued or running
-- before this migration already have their executions.
alter table segmentation_job add column dispatched_at timestamp with time zone;

update segmentation_job set dispatched_at = created_at where status in ('QUEUED', 'RUNNING');

create index segmentation_job_waiting_idx on segmentation_job (tenant_id, created_at)
    where status = 'QUEUED' and dispatched_at is null;

-- what each dispatch counts: the tenant's jobs dispatched and not finished
create index segmentation_job_active_idx on segmentation_job (tenant_id) where status in ('QUEUED', 'RUNNING');
