-- A dataset is stored without a table per upload: column names from a CSV never become SQL identifiers.
-- Each customer is one row of dataset_row. Its numeric values sit in one double precision[] and its
-- categorical values in one text[] beside it, in the order given by dataset_column.array_index, so a job
-- reads any subset of numeric columns back with array subscripts in one sequential pass over the dataset.
-- A missing value is a NULL array element.
create table dataset (
    id          uuid primary key,
    tenant_id   text        not null,
    name        text        not null,
    row_count   integer     not null,
    id_column   text,
    created_at  timestamptz not null
);

create index dataset_tenant_created_idx on dataset (tenant_id, created_at desc);

create table dataset_column (
    dataset_id    uuid    not null references dataset (id) on delete cascade,
    position      integer not null,
    name          text    not null,
    type          text    not null check (type in ('NUMERIC', 'CATEGORICAL')),
    missing_count integer not null,
    array_index   integer not null, -- 1-based subscript into numeric_values or categorical_values, by type
    primary key (dataset_id, position)
);

create table dataset_row (
    dataset_id         uuid               not null references dataset (id) on delete cascade,
    row_number         integer            not null, -- 1-based, in upload order
    customer_id        text               not null,
    numeric_values     double precision[] not null,
    categorical_values text[]             not null,
    primary key (dataset_id, row_number),
    unique (dataset_id, customer_id)
);
