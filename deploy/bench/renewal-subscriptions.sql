-- Benchmark data for renewal-bench.sh (not demo data): in the place :'slug', a monthly plan (150 EUR excl. VAT,
-- 20 %) and :n members each with an ACTIVE subscription whose month ended at the start of this month (Europe/Paris),
-- so every one of them is due for renewal. Inserted as the superuser, as the subscribe flow would have left them
-- (subscription + its START period); the renewal itself then runs through the application.
\set ON_ERROR_STOP 1
begin;
insert into plan (tenant_id, id, name, period, price, currency, vat_percent, status, created_at)
select p.id, md5('renew-plan-' || :'slug')::uuid, 'Résident bench', 'MONTH', 150, 'EUR', 20, 'ACTIVE', now()
  from place p where p.slug = :'slug';
insert into person (id, email, display_name, created_at)
select md5('renew-person-' || :'slug' || g)::uuid, 'renew-' || :'slug' || '-' || g || '@bench.test', 'Membre ' || g, now()
  from generate_series(1, :n) g;
insert into membership (tenant_id, id, person_id, role, granted_at)
select p.id, md5('renew-membership-' || :'slug' || g)::uuid, md5('renew-person-' || :'slug' || g)::uuid, 'MEMBER', now()
  from place p, generate_series(1, :n) g where p.slug = :'slug';
insert into subscription (tenant_id, id, person_id, plan_id, status, started_at, period_start, period_end, created_at)
select p.id, md5('renew-sub-' || :'slug' || g)::uuid, md5('renew-person-' || :'slug' || g)::uuid,
       md5('renew-plan-' || :'slug')::uuid, 'ACTIVE',
       date_trunc('month', (now() at time zone 'Europe/Paris') - interval '1 month') at time zone 'Europe/Paris',
       date_trunc('month', (now() at time zone 'Europe/Paris') - interval '1 month') at time zone 'Europe/Paris',
       date_trunc('month', now() at time zone 'Europe/Paris') at time zone 'Europe/Paris', now()
  from place p, generate_series(1, :n) g where p.slug = :'slug';
insert into subscription_period (tenant_id, id, subscription_id, plan_id, kind, period_start, period_end, price,
                                 currency, created_at)
select s.tenant_id, md5('renew-period-' || s.id)::uuid, s.id, s.plan_id, 'START', s.period_start, s.period_end, 150,
       'EUR', now()
  from subscription s join place p on p.id = s.tenant_id where p.slug = :'slug';
commit;
analyze subscription;
analyze subscription_period;
select count(*) as due from subscription s join place p on p.id = s.tenant_id
 where p.slug = :'slug' and s.status = 'ACTIVE' and s.period_end <= now();
