-- Quartiles and Tukey's whisker ends (the lowest and highest member value within 1.5 IQR of the quartiles) of
-- each feature over a segment's members, for box plots. NULL where no member has a value, and for every result
-- stored before this migration: such a segmentation must be run again to get them.
alter table segment_feature
    add column p25           double precision,
    add column p75           double precision,
    add column lower_whisker double precision,
    add column upper_whisker double precision;
