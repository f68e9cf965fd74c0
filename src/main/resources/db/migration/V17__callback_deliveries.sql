-- What became of a job's callback, for the caller to see on the job: PENDING until it is delivered (DELIVERED)
-- or its retries run out (GAVE_UP); how many POSTs were tried, when the last one was, and why it failed.
alter table segmentation_job
    add column callback_status          text,
    add column callback_attempts        integer not null default 0,
    add column callback_last_attempt_at timestamptz,
    add column callback_last_error      text;
