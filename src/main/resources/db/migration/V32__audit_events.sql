-- Who changed what, and how it ended: one row per state-changing call (upload, delete, start, cancel, rename, key
-- issued or revoked, retention), never with customer data. Append-only: rows outlive what they describe (a deleted
-- dataset's events are the proof of its erasure), and a trigger refuses to change or remove them.
create table audit_event (
    id            bigint generated always as identity primary key,
    occurred_at   timestamp with time zone not null,
    tenant_id     text,
    actor         text                     not null,
    action        text                     not null,
    resource_type text,
    resource_id   text,
    outcome       integer                  not null,
    request_id    text
);

create index audit_event_tenant_time_idx on audit_event (tenant_id, occurred_at);
create index audit_event_time_idx on audit_event (occurred_at);

create function audit_event_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_event is append-only';
end
$$;

create trigger audit_event_append_only before update or delete or truncate on audit_event
    for each statement execute function audit_event_is_append_only();
