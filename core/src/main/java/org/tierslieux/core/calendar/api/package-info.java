/**
 * The HTTP side of calendar feeds: creating and revoking one's links (JSON), and the public {@code /ical/...}
 * address that calendar apps poll with the secret link.
 */
package org.tierslieux.core.calendar.api;
