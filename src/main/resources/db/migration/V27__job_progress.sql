-- A running job's progress moves to a table of its own. The job row then changes only with the job's status, so a
-- status change (a cancel, a success) never waits for, nor races with, the progress its instance writes each second.
create table job_progress (
    job_id  uuid primary key references segmentation_job (id) on delete cascade,
    phase   text    not null,
    percent integer not null,
    k       integer
);

insert into job_progress (job_id, phase, percent, k)
select id, progress_phase, coalesce(progress_percent, 0), progress_k
from segmentation_job
where progress_phase is not null;

alter table segmentation_job
    drop column progress_phase,
    drop column progress_percent,
    drop column progress_k;
