/**
 * What a coworking lends beyond core's kinds: desk pools booked by the half-day or the day (through core's
 * bookings, so carnets, day passes and plan credits pay for them as core's credit coverage says), and phone
 * booths.
 */
package org.tierslieux.coworking.desk;
