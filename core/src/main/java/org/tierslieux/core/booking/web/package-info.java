/**
 * The booking pages: members book free slots of the week and see, cancel or confirm their own bookings; managers
 * see the calendar of all bookings and set opening hours, closures and booking rules. Server-rendered, and they
 * work without JavaScript (htmx only makes them smoother); they call the same services as the API.
 */
package org.tierslieux.core.booking.web;
