-- What sets each segment apart: its members' median and z-score per feature, the distinguishing features and a
-- label built from them. NULL for segments stored before they were computed.
alter table segment
    add column label          text,
    add column distinguishing text[];
alter table segment_feature
    add column median  double precision,
    add column z_score double precision;
