package org.tierslieux.core.calendar;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * Writes an iCalendar document (RFC 5545). Times carry the place's zone ({@code TZID} with its
 * {@code VTIMEZONE}), so that a calendar shows the place's hours whatever the reader's zone. Two cases fall back
 * to UTC, which is exact but loses the zone: a zone ical4j has no definition for, and a local time that happens
 * twice (the hour repeated when clocks go back), where a {@code TZID} time would mean the first one.
 */
@ApplicationScoped
class IcsWriter {

    static final String PRODUCT = "-//TiersLieux//TiersLieux Manager//FR";

    private final TimeZoneRegistry zones = TimeZoneRegistryFactory.getInstance().createRegistry();

    String write(String name, Collection<ZoneId> zonesShown, List<FeedEvent> events, Instant stamp) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId(PRODUCT));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(ImmutableMethod.PUBLISH);
        calendar.add(new XProperty("X-WR-CALNAME", name));
        // calendar apps poll a subscription: ask for an hourly refresh (the first is a de facto standard)
        calendar.add(new XProperty("X-PUBLISHED-TTL", "PT1H"));

        Map<ZoneId, TimeZone> known = new LinkedHashMap<>();
        for (ZoneId zone : zonesShown) {
            known.computeIfAbsent(zone, this::definition);
        }
        for (FeedEvent event : events) {
            known.computeIfAbsent(event.zone(), this::definition);
        }
        known.values().stream().filter(java.util.Objects::nonNull).forEach(zone -> calendar.add(zone.getVTimeZone()));

        for (FeedEvent event : events) {
            boolean zoned = known.get(event.zone()) != null;
            VEvent vevent = new VEvent(false);
            vevent.add(new Uid(event.booking() + "@tierslieux"));
            vevent.add(new DtStamp(stamp));
            vevent.add(new DtStart<>(time(event.period().start(), event.zone(), zoned)));
            vevent.add(new DtEnd<>(time(event.period().end(), event.zone(), zoned)));
            vevent.add(new Summary(event.summary()));
            if (event.location() != null && !event.location().isBlank()) {
                vevent.add(new Location(event.location()));
            }
            vevent.add(new Status(event.tentative() ? Status.VALUE_TENTATIVE : Status.VALUE_CONFIRMED));
            calendar.add(vevent);
        }

        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private TimeZone definition(ZoneId zone) {
        return zones.getTimeZone(zone.getId());
    }

    private static Temporal time(Instant instant, ZoneId zone, boolean zoned) {
        if (!zoned) {
            return instant;
        }
        ZonedDateTime local = instant.atZone(zone);
        var offsets = zone.getRules().getValidOffsets(local.toLocalDateTime());
        if (offsets.size() > 1 && !offsets.get(0).equals(local.getOffset())) {
            return instant; // the second of two identical local times: only UTC says which
        }
        return local;
    }
}
