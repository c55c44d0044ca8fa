/**
 * Trainings and qualifications: a training is a resource booked by session; a manager marks its attendees
 * qualified (possibly until a date); a machine that requires a training refuses members without a valid
 * qualification ({@code booking.training-required}), through a {@link org.tierslieux.core.booking.BookingPolicy}.
 */
package org.tierslieux.core.training;
