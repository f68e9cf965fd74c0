-- The W3C traceparent of the request that created a job, so that the job's run and its callback continue its trace.
alter table segmentation_job add column trace_parent text;
