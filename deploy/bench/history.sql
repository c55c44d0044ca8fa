-- One year of booking history for the bench places (slug 'bench-%'): from 275 days ago to 90 days ahead.
-- Benchmark data, not demo data: inserted directly by the superuser (row-level security does not apply), in a
-- shape that keeps every rule the database holds. Run by booking-bench.sh with psql -v ON_ERROR_STOP=1.
--
-- Every booking lies in the default opening hours (Monday to Friday, 09:00-18:00 place time) on its resource's
-- grid (slot_minutes counted from 09:00; the last slot may be short).
-- Exclusive resources (desks, rooms, machines, spaces): on weekdays, disjoint blocks, each booked with
-- probability 0.6, so no two active bookings of a resource overlap: 09-11, 11-13, 13-14, 14-16, 16-18 on a grid
-- of 60 minutes or a divisor of it (rooms, machines, spaces), 09-13, 13-17, 17-18 on the half-day grid (desks).
-- In the future only the morning blocks are booked: afternoons stay free for the load clients' lanes.
-- Pools (DESK_POOL, half-day grid): each weekday, fewer one-seat bookings than 0.8 x the seats (morning 09-13,
-- afternoon 13-18 or the whole day), so the seats in use never exceed the capacity.
-- Statuses: mostly CONFIRMED, some CANCELLED and NO_SHOW in the past, some CANCELLED in the future.

\timing on
begin;

create temporary table bench_people on commit drop as
select row_number() over (order by email) as n, id from person where email like '%@bench.test';

create temporary table bench_days on commit drop as
select d::date as day, d::date < current_date as past
  from generate_series(current_date - 275, current_date + 90, interval '1 day') d
 where extract(isodow from d) < 6;

-- Every random() sits in the select list of a subquery, which PostgreSQL evaluates once per row (a volatile
-- function in a WHERE or a LATERAL may be evaluated once for a whole join).
create temporary table bench_rows on commit drop as
select tenant_id, resource_id, 1 as seats, true as exclusive, day, past, starts_at, ends_at, random() as fate,
       random() as who
  from (select r.tenant_id, r.id as resource_id, d.day, d.past,
               (d.day + make_time(b.s, 0, 0)) at time zone p.time_zone as starts_at,
               (d.day + make_time(b.e, 0, 0)) at time zone p.time_zone as ends_at,
               random() as pick
          from resource r
          join place p on p.id = r.tenant_id and p.slug like 'bench-%'
         cross join bench_days d
          join (values (60, 9, 11), (60, 11, 13), (60, 13, 14), (60, 14, 16), (60, 16, 18),
                       (240, 9, 13), (240, 13, 17), (240, 17, 18)) b(grid, s, e)
            on b.grid = case when 60 % r.slot_minutes = 0 then 60 when r.slot_minutes = 240 then 240 end
         where r.booking_mode = 'EXCLUSIVE'
           and (d.past or b.e <= 13)) blocks
 where pick < 0.6;

-- pools: for each pool and weekday, n one-seat bookings with n < 0.8 x capacity, each a morning, an afternoon or
-- the whole day
insert into bench_rows
select tenant_id, resource_id, 1, false, day, past,
       (day + make_time(case part when 1 then 13 else 9 end, 0, 0)) at time zone time_zone,
       (day + make_time(case part when 0 then 13 else 18 end, 0, 0)) at time zone time_zone,
       random(), random()
  from (select pool_days.*, floor(random() * 3)::int as part
          from (select r.tenant_id, r.id as resource_id, d.day, d.past, p.time_zone,
                       floor(random() * r.capacity * 0.8)::int as n
                  from resource r
                  join place p on p.id = r.tenant_id and p.slug like 'bench-%'
                 cross join bench_days d
                 where r.booking_mode = 'SEATS') pool_days
         cross join lateral generate_series(1, pool_days.n) k) seats;

insert into booking (tenant_id, id, resource_id, person_id, seats, starts_at, ends_at, exclusive, status,
                     cancelled_at, cancelled_by, cancel_cause, cancel_reason, created_at, version)
select b.tenant_id, gen_random_uuid(), b.resource_id, who.id, b.seats, b.starts_at, b.ends_at, b.exclusive,
       s.status,
       case when s.status = 'CANCELLED' then b.starts_at - interval '1 day' end,
       case when s.status = 'CANCELLED' then who.id end,
       case when s.status = 'CANCELLED' then 'MEMBER' end,
       case when s.status = 'CANCELLED' then 'bench history' end,
       b.starts_at - interval '1 day' * (1 + floor(b.fate * 20)),
       0
  from bench_rows b
 cross join lateral (select case when b.fate < 0.06 then 'CANCELLED'
                                 when b.past and b.fate < 0.09 then 'NO_SHOW'
                                 else 'CONFIRMED' end as status) s
  join bench_people who on who.n = 1 + floor(b.who * (select count(*) from bench_people))
 order by b.tenant_id, b.resource_id, b.starts_at;

commit;
analyze booking;

-- a resource whose grid fits none of the block sets above got no history: say so
select count(*) as resources_without_history from resource r join place p on p.id = r.tenant_id
 where p.slug like 'bench-%' and not exists (select 1 from booking b where b.tenant_id = r.tenant_id and b.resource_id = r.id);

select count(*) as history_bookings,
       count(*) filter (where starts_at > now()) as in_the_future,
       count(distinct resource_id) as resources
  from booking b join place p on p.id = b.tenant_id and p.slug like 'bench-%';
