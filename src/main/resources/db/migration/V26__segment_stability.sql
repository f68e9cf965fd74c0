-- How much to trust each segment: a job may ask for its segments' stability (clusterboot over this many
-- resamples), and a k range may rule out candidates whose smallest segment holds less than a share of customers.
alter table segmentation_job
    add column stability_resamples integer check (stability_resamples between 2 and 100),
    add column min_segment_share   double precision check (min_segment_share > 0 and min_segment_share <= 0.5);
alter table segmentation_job add constraint segmentation_job_min_segment_share_k_range
    check (min_segment_share is null or k is null);

-- Null for segments of jobs that did not measure it.
alter table segment
    add column stability         double precision check (stability between 0 and 1),
    add column stability_verdict text check (stability_verdict in ('UNSTABLE', 'WEAK', 'STABLE', 'HIGHLY_STABLE'));

alter table segmentation_candidate
    add column excluded         boolean not null default false,
    add column exclusion_reason text;
alter table segmentation_candidate add constraint segmentation_candidate_exclusion_check
    check (excluded = (exclusion_reason is not null));
