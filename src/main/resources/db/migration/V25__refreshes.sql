-- A refresh re-segments a newer snapshot with an earlier job's request and carries its segments' keys and names
-- over. No foreign key: the refresh keeps saying what it refreshed after the earlier job is deleted.
alter table segmentation_job add column refresh_of uuid;

-- The lineage of each result: which job it refreshed, and the highest key number (Sn) its chain has handed out,
-- so that a key retired in one refresh is never given to a different group in a later one.
alter table segmentation_result
    add column refresh_of  uuid,
    add column highest_key integer,
    add column new_keys    text[] not null default '{}',
    add column retired_keys text[] not null default '{}';
update segmentation_result r set highest_key = (select count(*) from segment s where s.job_id = r.job_id);
alter table segmentation_result alter column highest_key set not null;

-- Per segment of a refresh: the earlier segment it continues and how far its centre moved, in the earlier
-- job's clustering space; both null for a new segment and for every segment of a first segmentation.
alter table segment
    add column previous_segment integer,
    add column centroid_shift   double precision;
