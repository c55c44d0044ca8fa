/**
 * Meeting rooms: core's ROOM kind (capacity, booked by the hour) with what a coworking adds, the equipment a
 * manager lists and shows on the room's page, and the non-member rate: members pay the price list's rate,
 * anyone else booking a room open to everyone pays a supplement per hour, added to the quote they see before
 * confirming (a {@link org.tierslieux.core.pricing.QuoteLineContributor}).
 */
package org.tierslieux.coworking.room;
