-- Categorical features are clustered one-hot encoded. A result keeps its features in request order (NULL for
-- results stored before, whose features were all numeric and are listed by segment_feature), and each
-- segment's share of every categorical value with its lift over all customers; both are NULL when no member
-- has a value.
alter table segmentation_result add column features text[];

create table segment_category (
    job_id         uuid             not null,
    segment        integer          not null,
    position       integer          not null, -- the categorical feature's place among the categorical features
    feature        text             not null,
    value_position integer          not null, -- the value's place in the feature's one-hot encoding
    value          text             not null,
    share          double precision,
    lift           double precision,
    primary key (job_id, segment, position, value_position),
    foreign key (job_id, segment) references segment (job_id, segment) on delete cascade
);
