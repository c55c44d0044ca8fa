package org.tierslieux.core.calendar;

import java.time.ZoneId;
import java.util.UUID;
import org.tierslieux.core.kernel.TimeRange;

/** One booking as a calendar shows it: already stripped to what the feed's reader may see. */
record FeedEvent(UUID booking, TimeRange period, ZoneId zone, String summary, String location, boolean tentative) {}
