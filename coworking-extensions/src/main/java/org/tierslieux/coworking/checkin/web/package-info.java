/** The check-in pages: staff desk, self check-in, scan, passes, who is here. */
package org.tierslieux.coworking.checkin.web;
