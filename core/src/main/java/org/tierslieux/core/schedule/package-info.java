/**
 * When resources may be booked: weekly opening hours of a place and of its resources (in the place's time
 * zone), closures (holidays, private events) and maintenance blocks, and the dated sessions of trainings and
 * events. {@link org.tierslieux.core.schedule.ScheduleService} turns them into the open windows of a
 * resource over a range of days, which availability and bookings both use.
 */
package org.tierslieux.core.schedule;
