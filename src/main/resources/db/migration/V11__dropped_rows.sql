-- How many customers a segmentation left out for a missing value (missingValues DROP_ROWS).
alter table segmentation_job drop constraint segmentation_job_missing_values_check;
alter table segmentation_job add constraint segmentation_job_missing_values_check
    check (missing_values in ('MEDIAN', 'MEAN', 'DROP_ROWS'));
alter table segmentation_result add column dropped_rows integer not null default 0;
