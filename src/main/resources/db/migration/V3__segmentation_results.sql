create table segmentation_result (
    job_id  uuid primary key references segmentation_job (id) on delete cascade,
    inertia double precision not null
);

create table segment (
    job_id  uuid             not null references segmentation_result (job_id) on delete cascade,
    segment integer          not null, -- 0..k-1, numbered by size, largest first
    size    integer          not null,
    share   double precision not null,
    primary key (job_id, segment)
);

-- Centroid in original units and the members' summary of each feature; the statistics are NULL when no
-- member of the segment has a value for the feature.
create table segment_feature (
    job_id   uuid             not null,
    segment  integer          not null,
    position integer          not null,
    feature  text             not null,
    centroid double precision not null,
    mean     double precision,
    std      double precision,
    min      double precision,
    max      double precision,
    primary key (job_id, segment, position),
    foreign key (job_id, segment) references segment (job_id, segment) on delete cascade
);

-- One row per customer: row_number points at dataset_row of the job's dataset.
create table segment_assignment (
    job_id     uuid             not null references segmentation_result (job_id) on delete cascade,
    row_number integer          not null,
    segment    integer          not null,
    distance   double precision not null,
    primary key (job_id, row_number)
);
