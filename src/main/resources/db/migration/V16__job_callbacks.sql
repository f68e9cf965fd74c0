-- Where to POST the job once it ends (SUCCEEDED, FAILED or CANCELLED); the delivery itself is a db-scheduler
-- execution of the task 'job-callback', retried with backoff.
alter table segmentation_job add column callback_url text;
