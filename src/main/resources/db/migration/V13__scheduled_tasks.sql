-- db-scheduler's table (its PostgreSQL schema for version 16): each queued or running segmentation job is one
-- execution of the task 'segmentation-job', with the job's ID as the instance. The scheduler claims executions
-- with SELECT ... FOR UPDATE SKIP LOCKED, keeps a heartbeat on the ones it runs, and runs again those whose
-- heartbeat stopped.
create table scheduled_tasks (
    task_name            text                     not null,
    task_instance        text                     not null,
    task_data            bytea,
    execution_time       timestamp with time zone not null,
    picked               boolean                  not null,
    picked_by            text,
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures integer,
    last_heartbeat       timestamp with time zone,
    version              bigint                   not null,
    priority             smallint,
    primary key (task_name, task_instance)
);

create index execution_time_idx on scheduled_tasks (execution_time);
create index last_heartbeat_idx on scheduled_tasks (last_heartbeat);
create index priority_execution_time_idx on scheduled_tasks (priority desc, execution_time asc);

-- Jobs queued or running before this migration were picked up by the old in-process queue; schedule them.
insert into scheduled_tasks (task_name, task_instance, execution_time, picked, version)
select 'segmentation-job', id::text, now(), false, 1
from segmentation_job
where status in ('QUEUED', 'RUNNING');
