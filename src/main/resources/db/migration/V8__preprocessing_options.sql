-- How a job prepares its features; earlier jobs ran with what were then the only choices.
alter table segmentation_job
    add column scaling        text   not null default 'STANDARD' check (scaling in ('STANDARD', 'MINMAX', 'ROBUST', 'NONE')),
    add column log_transform  text[] not null default '{}',
    add column missing_values text   not null default 'MEDIAN' check (missing_values in ('MEDIAN', 'MEAN'));
alter table segmentation_job alter column scaling drop default;
alter table segmentation_job alter column log_transform drop default;
alter table segmentation_job alter column missing_values drop default;
