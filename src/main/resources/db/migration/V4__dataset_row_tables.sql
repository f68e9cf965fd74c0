-- Each dataset's customers move to a table of their own, dataset_rows_<dataset id without dashes>, with one
-- text column per dataset column (c1, c2, ... by dataset_column.position + 1): uploads stream in with COPY and
-- no index maintenance, a column's type is decided after the last row, and deleting a dataset drops its table.
-- Values keep the text they were sent as; NULL is a missing value.
alter table dataset_column drop constraint dataset_column_type_check;
alter table dataset_column add constraint dataset_column_type_check check (type in ('NUMERIC', 'CATEGORICAL', 'TEXT'));
alter table dataset_column add column distinct_count integer;

-- Assignments carry the customer ID, so results no longer read the dataset's rows.
alter table segment_assignment add column customer_id text;

do $$
declare
    ds record;
    col record;
    rows_table text;
    selected text;
begin
    for ds in select id from dataset loop
        rows_table := 'dataset_rows_' || replace(ds.id::text, '-', '');
        execute format('create table %I (row_number integer not null, line bigint not null, customer_id text not null)', rows_table);
        selected := '';
        for col in select position, type, array_index from dataset_column where dataset_id = ds.id order by position loop
            execute format('alter table %I add column %I text', rows_table, 'c' || (col.position + 1));
            selected := selected || format(', %s[%s]::text',
                case when col.type = 'NUMERIC' then 'numeric_values' else 'categorical_values' end, col.array_index);
        end loop;
        -- the lines of earlier uploads were not recorded; row n was line n + 1 unless a value spanned lines
        execute format('insert into %I select row_number, row_number + 1, customer_id%s from dataset_row where dataset_id = %L',
                       rows_table, selected, ds.id);
        update dataset_column c set distinct_count = (
            select count(distinct r.categorical_values[c.array_index]) from dataset_row r where r.dataset_id = ds.id)
        where c.dataset_id = ds.id and c.type = 'CATEGORICAL';
    end loop;
end $$;

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
