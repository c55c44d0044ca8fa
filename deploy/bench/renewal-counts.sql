-- After a renewal run in the place :'slug': what was renewed, and whether anything was done twice.
\set ON_ERROR_STOP 1
select
  (select count(*) from subscription_period sp join place p on p.id = sp.tenant_id
    where p.slug = :'slug' and sp.kind = 'RENEWAL') as renewal_periods,
  (select count(*) from (select sp.subscription_id, sp.period_start from subscription_period sp
     join place p on p.id = sp.tenant_id where p.slug = :'slug'
     group by 1, 2 having count(*) > 1) x) as duplicate_periods,
  (select count(*) from subscription s join place p on p.id = s.tenant_id
    where p.slug = :'slug' and s.status in ('ACTIVE', 'PAST_DUE') and s.period_end <= now()) as still_due,
  (select count(*) from document d join place p on p.id = d.tenant_id
    where p.slug = :'slug' and d.subject_type = 'SUBSCRIPTION') as subscription_invoices,
  (select count(*) from (select d.subject_id, d.operation_date from document d join place p on p.id = d.tenant_id
     where p.slug = :'slug' and d.subject_type = 'SUBSCRIPTION' and d.type = 'INVOICE'
     group by 1, 2 having count(*) > 1) x) as duplicate_invoices,
  (select count(*) from document_pdf f join place p on p.id = f.tenant_id where p.slug = :'slug') as pdfs,
  (select count(*) from sale_order o join place p on p.id = o.tenant_id
    where p.slug = :'slug' and o.subject_type = 'SUBSCRIPTION') as subscription_orders,
  (select count(*) from (select o.subject_id from sale_order o join place p on p.id = o.tenant_id
     where p.slug = :'slug' and o.subject_type = 'SUBSCRIPTION'
     group by 1 having count(*) > 1) x) as subscriptions_with_several_orders;
