-- A claim on an Idempotency-Key is a lease that the instance handling the request renews while it works. A claim
-- whose request died with its instance (or whose release failed with the database) lapses within seconds, so a
-- retry can take the key over; before, it stayed locked for five minutes after its creation.
alter table idempotency_key
    add column claimed_by       text,
    add column lease_expires_at timestamp with time zone;

update idempotency_key set lease_expires_at = created_at + interval '5 minutes' where resource_id is null;
