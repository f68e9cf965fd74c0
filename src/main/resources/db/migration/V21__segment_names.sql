-- What marketers call a segment. custom_name NULL means the segment goes by its automatic label; two segments of
-- one segmentation never share a name, whatever its case (the service also checks against the other segments'
-- automatic labels, which this index cannot see).
alter table segment
    add column custom_name text,
    add column description text,
    add column tags        text[] not null default '{}';

create unique index segment_custom_name_unique on segment (job_id, lower(custom_name)) where custom_name is not null;
