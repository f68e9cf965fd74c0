-- The key that signs report links when segmentation.reports.signing-key is not set: made once by whichever
-- instance starts first, then shared by every instance, so a link works whichever one answers it.
create table report_signing_key (
    id  integer primary key check (id = 1),
    key bytea not null
);
