-- Where a running job is, written each second by the instance running it: phase (LOADING, PREPROCESSING,
-- CLUSTERING, EVALUATING, SAVING), an estimated percentage, and the k being fitted.
alter table segmentation_job
    add column progress_phase   text,
    add column progress_percent integer,
    add column progress_k       integer;
