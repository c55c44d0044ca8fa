/** The check-in API: passes, arrivals, who is here, live occupancy, settings. */
package org.tierslieux.coworking.checkin.api;
