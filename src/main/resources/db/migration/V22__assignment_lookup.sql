-- One customer's assignment is looked up by its ID (GET .../assignments/{customerId}); without this index that is a
-- scan of the job's rows. Not unique: customer IDs are unique within a dataset because the upload rejects
-- duplicates, and the index need not fail this migration on rows stored before anyone checked.
create index segment_assignment_customer on segment_assignment (job_id, customer_id);
