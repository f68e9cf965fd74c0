-- Each dataset's customers move to a table of their own, dataset_rows_<dataset id without dashes>: uploads stream
-- in with COPY and no index maintenance, a column's type is decided after the last row, and deleting a dataset
-- drops its table. Values are text (NULL where missing), laid out as dataset.row_layout says: COLUMNS (c1, c2, ...
-- by dataset_column.position + 1) for uploads of up to 250 columns known from a CSV header, else ARRAY (one text[],
-- v[position + 1]), which also holds rows too wide for a page.
alter table dataset add column row_layout text not null default 'ARRAY' check (row_layout in ('COLUMNS', 'ARRAY'));
alter table dataset alter column row_layout drop default;

alter table dataset_column drop constraint dataset_column_type_check;
alter table dataset_column add constraint dataset_column_type_check check (type in ('NUMERIC', 'CATEGORICAL', 'TEXT'));
alter table dataset_column add column distinct_count integer;

-- Assignments carry the customer ID, so results no longer read the dataset's rows.
alter table segment_assignment add column customer_id text;

-- Datasets uploaded before this migration move to the ARRAY layout. Their lines were not recorded: row n was
-- line n + 1 unless a value spanned lines. Numbers become PostgreSQL's shortest exact text for them.
do $$
declare
    ds record;
    rows_table text;
    elements text;
begin
    for ds in select id from dataset loop
        rows_table := 'dataset_rows_' || replace(ds.id::text, '-', '');
        select coalesce(string_agg(format('%s[%s]::text',
                   case when type = 'NUMERIC' then 'numeric_values' else 'categorical_values' end, array_index),
                   ', ' order by position), '')
            into elements from dataset_column where dataset_id = ds.id;
        execute format('create table %I (row_number integer not null, line bigint not null, customer_id text not null, '
                       'v text[])', rows_table);
        execute format('insert into %I select row_number, row_number + 1, customer_id, array[%s]::text[] '
                       'from dataset_row where dataset_id = %L', rows_table, elements, ds.id);
    end loop;
end $$;

-- One statement for all categorical columns, rather than a scan of a dataset's rows per column.
update dataset_column c set distinct_count = d.n
from (select r.dataset_id, k.array_index, count(distinct r.categorical_values[k.array_index]) as n
      from dataset_row r join dataset_column k on k.dataset_id = r.dataset_id and k.type = 'CATEGORICAL'
      group by r.dataset_id, k.array_index) d
where c.dataset_id = d.dataset_id and c.array_index = d.array_index and c.type = 'CATEGORICAL';

update segment_assignment a set customer_id = r.customer_id
from segmentation_job j, dataset_row r
where j.id = a.job_id and r.dataset_id = j.dataset_id and r.row_number = a.row_number;
alter table segment_assignment alter column customer_id set not null;

-- the new default of maxCategories: a column of more distinct labels is TEXT
update dataset_column set type = 'TEXT', distinct_count = null where type = 'CATEGORICAL' and distinct_count > 50;
alter table dataset_column drop column array_index;
drop table dataset_row;

-- Profiles are computed once, at upload; a dataset uploaded before this migration has none.
create table dataset_profile (
    dataset_id uuid primary key references dataset (id) on delete cascade,
    profile    jsonb not null
);
