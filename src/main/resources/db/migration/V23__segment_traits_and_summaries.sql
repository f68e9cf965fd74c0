-- A distinguishing trait becomes an object with its z-score and both values it compares, and a segment gets a
-- summary a person reads. Segments stored earlier keep what can be rebuilt: a numeric trait's z-score and its
-- members' mean from segment_feature, a categorical value's shares from segment_category (its share among all
-- customers is share / lift). All customers' mean of a numeric feature was never stored, so it stays null there,
-- and so does the summary.
alter table segment
    add column traits  jsonb,
    add column summary text;

update segment s
set traits = coalesce((
    select jsonb_agg(t.trait order by t.ord)
    from (select d.ord,
                 coalesce((select jsonb_build_object(
                                   'feature', c.feature, 'value', c.value,
                                   'zScore', (c.share - c.share / c.lift)
                                       / sqrt(c.share / c.lift * (1 - c.share / c.lift)),
                                   'segmentValue', c.share, 'overallValue', c.share / c.lift)
                           from segment_category c
                           where c.job_id = s.job_id and c.segment = s.segment and c.feature || '=' || c.value = d.name
                             and c.lift > 0 and c.share / c.lift < 1),
                          (select jsonb_build_object('feature', f.feature, 'value', null, 'zScore', f.z_score,
                                                     'segmentValue', f.mean, 'overallValue', null)
                           from segment_feature f
                           where f.job_id = s.job_id and f.segment = s.segment and f.feature = d.name
                             and f.z_score is not null)) as trait
          from unnest(s.distinguishing) with ordinality as d(name, ord)) t
    where t.trait is not null), '[]'::jsonb);

alter table segment
    alter column traits set not null,
    drop column distinguishing;
