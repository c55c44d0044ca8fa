-- pgbench's lanes: client k books the exclusive resources of place bench-k (k = 0..63) as the member bench-k,
-- those whose grid fits one-hour slots (rooms, machines, spaces; not the half-day desks).
-- A plain table outside row-level security, readable by the application's role that pgbench connects as.
create schema if not exists bench;
drop table if exists bench.lane;
create table bench.lane as
select (substring(p.slug from 7))::int as client,
       (row_number() over (partition by p.id order by r.kind, r.name) - 1)::int as r,
       p.id as tenant_id, r.id as resource_id, who.id as person_id
  from place p
  join resource r on r.tenant_id = p.id and r.booking_mode = 'EXCLUSIVE' and 60 % r.slot_minutes = 0
  join person who on who.email = p.slug || '@bench.test'
 where p.slug like 'bench-%';
alter table bench.lane add primary key (client, r);
grant usage on schema bench to tl_app;
grant select on bench.lane to tl_app;
select count(distinct client) as lanes, min(n) as resources_per_lane, max(n) as max_per_lane
  from (select client, count(*) as n from bench.lane group by client) l;
