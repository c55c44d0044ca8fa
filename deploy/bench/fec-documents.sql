-- Benchmark data for fec-bench.sh (not demo data): :n invoices of the place :'slug', spread over the current
-- year up to today (Europe/Paris), two lines each (a desk day at 20 % and a machine hour at 5.5 %), their VAT
-- summary; two in three paid by card at issue, one in six in cash, one in six to pay. Inserted as the superuser,
-- straight into the tables (the immutability triggers allow inserts); numbers FA-YYYY-nnnnnn, fake footprints.
\set ON_ERROR_STOP 1
begin;
create temporary table bench_doc on commit drop as
select g,
       md5('fec-bench-doc-' || g)::uuid as id,
       (date_trunc('year', now() at time zone 'Europe/Paris')::date
         + ((g - 1) * ((now() at time zone 'Europe/Paris')::date - date_trunc('year', now() at time zone 'Europe/Paris')::date + 1) / :n)::int) as day,
       (1 + g % 3)::numeric as desk_days,
       (1 + g % 4)::numeric as machine_hours,
       case when g % 6 = 0 then null when g % 6 = 1 then 'CASH' else 'CARD' end as method
  from generate_series(1, :n) g;

insert into document (tenant_id, id, type, series, sequence, number, issue_date, issued_at, operation_date,
                      currency, seller, buyer, buyer_person_id, operation_nature, vat_on_debits, mentions,
                      total_excl_vat, total_vat, total_incl_vat, payment_method, paid_at, previous_footprint, footprint)
select p.id, d.id, 'INVOICE', 'INVOICE', d.g, 'FA-' || extract(year from d.day) || '-' || lpad(d.g::text, 6, '0'),
       d.day, (d.day + time '10:00') at time zone 'Europe/Paris' + d.g * interval '1 microsecond', d.day, 'EUR',
       '{"name":"Bench FEC SAS","siret":"44306184100047"}',
       jsonb_build_object('name', 'Membre ' || (d.g % 5000)),
       md5('fec-bench-person-' || (d.g % 5000))::uuid, 'SERVICES', false, '[]',
       d.desk_days * 25 + d.machine_hours * 12,
       round(d.desk_days * 25 * 0.20, 2) + round(d.machine_hours * 12 * 0.055, 2),
       d.desk_days * 25 + d.machine_hours * 12 + round(d.desk_days * 25 * 0.20, 2) + round(d.machine_hours * 12 * 0.055, 2),
       d.method, case when d.method is null then null else (d.day + time '10:00') at time zone 'Europe/Paris' end,
       md5('prev' || d.g) || md5('prev2' || d.g), md5('fp' || d.g) || md5('fp2' || d.g)
  from bench_doc d, place p where p.slug = :'slug';

insert into document_line (tenant_id, document_id, position, description, quantity, unit, unit_price_excl_vat,
                           vat_key, total_excl_vat, total_vat, total_incl_vat, category)
select p.id, d.id, 1, 'Poste nomade, journée', d.desk_days, 'DAY', 25, '20', d.desk_days * 25,
       round(d.desk_days * 25 * 0.20, 2), d.desk_days * 25 + round(d.desk_days * 25 * 0.20, 2), 'DESK'
  from bench_doc d, place p where p.slug = :'slug'
union all
select p.id, d.id, 2, 'Découpe laser, heure', d.machine_hours, 'HOUR', 12, '5.5', d.machine_hours * 12,
       round(d.machine_hours * 12 * 0.055, 2), d.machine_hours * 12 + round(d.machine_hours * 12 * 0.055, 2), 'MACHINE'
  from bench_doc d, place p where p.slug = :'slug';

insert into document_vat (tenant_id, document_id, vat_key, base_excl_vat, vat)
select p.id, d.id, '20', d.desk_days * 25, round(d.desk_days * 25 * 0.20, 2) from bench_doc d, place p where p.slug = :'slug'
union all
select p.id, d.id, '5.5', d.machine_hours * 12, round(d.machine_hours * 12 * 0.055, 2) from bench_doc d, place p where p.slug = :'slug';

insert into document_series (tenant_id, series, last_sequence)
select p.id, 'INVOICE', :n from place p where p.slug = :'slug'
on conflict (tenant_id, series) do update set last_sequence = excluded.last_sequence;
commit;
analyze document;
analyze document_line;
analyze document_vat;
select count(*) as documents, min(issue_date), max(issue_date), sum(total_incl_vat) as total_incl_vat
  from document d join place p on p.id = d.tenant_id where p.slug = :'slug';
