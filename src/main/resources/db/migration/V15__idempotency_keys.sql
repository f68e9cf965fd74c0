-- Idempotency-Key headers: per tenant and operation, the payload's hash and, once done, the resource created.
create table idempotency_key (
    tenant_id    text                     not null,
    operation    text                     not null,
    key          text                     not null,
    payload_hash text                     not null,
    resource_id  uuid, -- null while the first request is still being processed
    created_at   timestamp with time zone not null,
    expires_at   timestamp with time zone not null,
    primary key (tenant_id, operation, key)
);

create index idempotency_key_expires_at_idx on idempotency_key (expires_at);
