-- API keys issued through the operator API: only a SHA-256 of each secret is kept, with the first characters of the
-- secret (prefix) to tell keys apart in lists. A tenant may have several active keys, for rotation without downtime.
create table api_key (
    id           uuid primary key,
    tenant_id    text                     not null,
    name         text                     not null,
    key_hash     bytea                    not null unique,
    prefix       text                     not null,
    scopes       text[]                   not null,
    created_at   timestamp with time zone not null,
    last_used_at timestamp with time zone,
    expires_at   timestamp with time zone,
    revoked_at   timestamp with time zone
);

create index api_key_tenant_idx on api_key (tenant_id, created_at);
