-- How long a tenant's datasets are kept, when the operator has set it apart from segmentation.retention.datasets.
create table tenant_retention (
    tenant_id        text primary key,
    dataset_lifetime interval not null
);
