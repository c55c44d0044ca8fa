package org.tierslieux.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DateProperty;
import org.junit.jupiter.api.Test;
import org.tierslieux.core.kernel.TimeRange;

class IcsWriterTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    final IcsWriter writer = new IcsWriter();

    @Test
    void the_hour_repeated_when_clocks_go_back_is_written_in_utc_and_reads_back_exactly() throws Exception {
        // 25 October 2026 in Paris: 02:00–03:00 happens twice, at +02:00 then at +01:00
        Instant firstHalfPastTwo = Instant.parse("2026-10-25T00:30:00Z");
        Instant secondHalfPastTwo = Instant.parse("2026-10-25T01:30:00Z");
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        String text = writer.write(
                "Test",
                List.of(PARIS),
                List.of(
                        new FeedEvent(
                                first,
                                new TimeRange(firstHalfPastTwo, firstHalfPastTwo.plusSeconds(1800)),
                                PARIS,
                                "First",
                                "Lille",
                                false),
                        new FeedEvent(
                                second,
                                new TimeRange(secondHalfPastTwo, secondHalfPastTwo.plusSeconds(1800)),
                                PARIS,
                                "Second",
                                null,
                                true)),
                Instant.parse("2026-10-01T00:00:00Z"));

        assertThat(text).contains("DTSTART;TZID=Europe/Paris:20261025T023000").contains("DTSTART:20261025T013000Z");
        Calendar calendar = new CalendarBuilder().build(new StringReader(text));
        calendar.validate();
        assertThat(start(calendar, first)).isEqualTo(firstHalfPastTwo);
        assertThat(start(calendar, second)).isEqualTo(secondHalfPastTwo);
        assertThat(text).contains("STATUS:TENTATIVE").contains("DTSTAMP:20261001T000000Z");
    }

    @Test
    void a_zone_without_a_definition_falls_back_to_utc() throws Exception {
        Instant start = Instant.parse("2026-12-03T13:00:00Z");
        UUID id = UUID.randomUUID();
        String text = writer.write(
                "Test",
                List.of(),
                List.of(new FeedEvent(
                        id, new TimeRange(start, start.plusSeconds(3600)), ZoneId.of("GMT+05:30"), "X", "", false)),
                start);
        Calendar calendar = new CalendarBuilder().build(new StringReader(text));
        assertThat(start(calendar, id)).isEqualTo(start);
        assertThat(text).contains("DTSTART:20261203T130000Z");
    }

    static Instant start(Calendar calendar, UUID booking) {
        VEvent event = calendar.<VEvent>getComponents("VEVENT").stream()
                .filter(e -> e.getProperty(Property.UID)
                        .map(Property::getValue)
                        .orElse("")
                        .equals(booking + "@tierslieux"))
                .findFirst()
                .orElseThrow();
        DateProperty<?> start =
                (DateProperty<?>) event.getProperty(Property.DTSTART).orElseThrow();
        return Instant.from((Temporal) start.getDate());
    }
}
