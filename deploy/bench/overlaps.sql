-- After the run: bookings that break the rules the database must hold, counted as the superuser over every
-- place. Each count must be 0.
with active as (
  select b.*, r.booking_mode, r.capacity
    from booking b join resource r on r.tenant_id = b.tenant_id and r.id = b.resource_id
   where b.status in ('HELD', 'CONFIRMED')
),
-- exclusive resources: an active booking that starts before an earlier one of the same resource ends
exclusive_overlaps as (
  select count(*) as n from (
    select starts_at < max(ends_at) over (partition by tenant_id, resource_id order by starts_at, id
                                           rows between unbounded preceding and 1 preceding) as clash
      from active where booking_mode = 'EXCLUSIVE') x
   where clash
),
-- pools: sweep the starts (+seats) and ends (-seats) of each resource in time order, ends first at a tie
events as (
  select tenant_id, resource_id, capacity, starts_at as at, seats as delta from active where booking_mode = 'SEATS'
  union all
  select tenant_id, resource_id, capacity, ends_at, -seats from active where booking_mode = 'SEATS'
),
pool_overflows as (
  select count(*) as n from (
    select capacity, sum(delta) over (partition by tenant_id, resource_id order by at, delta
                                      rows between unbounded preceding and current row) as in_use
      from events) x
   where in_use > capacity
)
select (select n from exclusive_overlaps) as exclusive_overlaps,
       (select n from pool_overflows) as pool_overflows,
       (select count(*) from active where booking_mode = 'EXCLUSIVE' and not exclusive) as exclusive_flag_missing,
       (select count(*) from active) as active_bookings;
