-- The service reads one shape of every stored row. Rows kept by development builds before V4, V9 and V12 are
-- converted where they can be, and removed where what they lack cannot be recomputed here.

-- Results before V12 listed their (all numeric) features only in segment_feature.
update segmentation_result r
set features = (select array_agg(f.feature order by f.position)
                from segment_feature f
                where f.job_id = r.job_id and f.segment = 0)
where r.features is null;

-- Models before V12 had no categorical features.
update segmentation_result
set model = model || '{"oneHot": []}'::jsonb
where model is not null and not model ? 'oneHot';

-- Results before V9 kept no model: the fitted preprocessing is gone, so nothing could score or draw them. Their
-- jobs go, with their segments and assignments (cascade and the V19 trigger); segments before V6, which lack
-- labels, are among them.
do $$
declare
    removed integer;
begin
    delete from segmentation_job where id in (select job_id from segmentation_result where model is null);
    get diagnostics removed = row_count;
    raise notice 'V20: removed % segmentation job(s) whose result kept no model', removed;
end
$$;

-- Datasets before V4 kept no profile, which takes every row to compute; they go with their rows and jobs.
do $$
declare
    orphan uuid;
begin
    for orphan in select d.id from dataset d where not exists (select 1 from dataset_profile p where p.dataset_id = d.id)
    loop
        delete from segmentation_job where dataset_id = orphan;
        execute format('drop table if exists %I', 'dataset_rows_' || replace(orphan::text, '-', ''));
        delete from dataset where id = orphan;
        raise notice 'V20: removed dataset % (and its jobs), which kept no profile', orphan;
    end loop;
end
$$;

alter table segmentation_result
    alter column features set not null,
    alter column model set not null;
alter table segment alter column distinguishing set not null;
