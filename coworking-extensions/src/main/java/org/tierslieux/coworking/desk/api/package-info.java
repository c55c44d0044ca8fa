/** The desks' JSON API: free desks per half-day and day, quotes and bookings of desk pools. */
package org.tierslieux.coworking.desk.api;
