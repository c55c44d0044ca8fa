/**
 * Check-in: a QR code per booking or pass, read by a staff page or a self check-in page; no-shows after a grace
 * delay; who is here now and the live occupancy.
 */
package org.tierslieux.coworking.checkin;
