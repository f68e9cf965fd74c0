-- A segment's key names it across refreshes, where its number (by size) may change. A segmentation that is not
-- a refresh keys its segments S1..Sk in segment order, as the segments stored before keys existed get here.
alter table segment add column key text;
update segment set key = 'S' || (segment + 1);
alter table segment alter column key set not null;
create unique index segment_key_unique on segment (job_id, key);
