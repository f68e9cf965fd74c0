-- How k-means is fitted; earlier jobs ran with what were then fixed values.
alter table segmentation_job
    add column max_iterations integer          not null default 100 check (max_iterations between 1 and 1000),
    add column tolerance      double precision not null default 0.0001 check (tolerance > 0 and tolerance < 1);
alter table segmentation_job alter column max_iterations drop default;
alter table segmentation_job alter column tolerance drop default;
