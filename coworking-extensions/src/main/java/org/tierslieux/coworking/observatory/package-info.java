/**
 * The observatory ("mesurer les impacts"): what the places of the network do, counted without personal data.
 * Occupancy rate per kind of resource (booked seat-hours over the seat-hours the resources were open), bookings,
 * active members, machine hours, new members and network-pass visits, per week or per month. Each place is
 * computed inside its own {@link org.tierslieux.core.tenancy.PlaceScope}, so row-level security holds; the
 * network's totals add the places up. The open-data export publishes these aggregates only.
 */
package org.tierslieux.coworking.observatory;
