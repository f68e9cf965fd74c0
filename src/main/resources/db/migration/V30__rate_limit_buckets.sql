-- Each tenant's request rate limit, as Bucket4j keeps it in PostgreSQL so that it holds across replicas: one token
-- bucket per key, its state serialized, and when (epoch milliseconds) a bucket left alone is full again and may go.
create table rate_limit_bucket (
    id         text primary key,
    state      bytea,
    expires_at bigint
);
