-- What places new customers in a finished segmentation: the fitted preprocessing and the centres in the
-- clustering space, as one JSON document. NULL for results stored before it was recorded.
alter table segmentation_result add column model jsonb;
