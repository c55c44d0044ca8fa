/**
 * Guests: a member invites someone for a day; the day is free, taken from the host's credits or billed to the
 * host, as the place's guest policy says; the guest gets a QR pass by e-mail and is checked in by the staff.
 */
package org.tierslieux.coworking.guest;
