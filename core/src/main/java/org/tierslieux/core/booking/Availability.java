package org.tierslieux.core.booking;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.tierslieux.core.error.DomainException;
import org.tierslieux.core.kernel.TimeRange;
import org.tierslieux.core.schedule.Closure;
import org.tierslieux.core.schedule.Window;

/**
 * The arithmetic of free time, with no database: where a booking may lie (inside one open window, on the
 * resource's grid, outside closures) and what remains free once other bookings took their seats. Both the
 * availability answer and the booking check use it, so what is shown free is what can be booked.
 */
public final class Availability {

    /** A stretch of time with {@code free} seats left (1 for a resource booked whole). */
    public record Free(Instant start, Instant end, int free) {}

    /** Seats already taken over a period by one active booking. */
    public record Taken(TimeRange period, int seats) {}

    private Availability() {}

    /**
     * The free intervals of a resource: its grid slots inside the windows, minus closures and the past, with
     * the seats left; adjacent slots with as many seats left are merged.
     */
    public static List<Free> free(
            List<Window> windows,
            List<Closure> closures,
            List<Taken> taken,
            int capacity,
            int slotMinutes,
            Instant notBefore) {
        List<Free> result = new ArrayList<>();
        List<Taken> sorted = new ArrayList<>(taken);
        sorted.sort(Comparator.comparing(t -> t.period().start()));
        for (Window window : windows) {
            for (TimeRange slot : slots(window, slotMinutes)) {
                if (slot.start().isBefore(notBefore) || closed(closures, slot)) {
                    continue;
                }
                int free = capacity - peakSeats(sorted, slot);
                if (free <= 0) {
                    continue;
                }
                Free last = result.isEmpty() ? null : result.get(result.size() - 1);
                if (last != null && last.end().equals(slot.start()) && last.free() == free) {
                    result.set(result.size() - 1, new Free(last.start(), slot.end(), free));
                } else {
                    result.add(new Free(slot.start(), slot.end(), free));
                }
            }
        }
        return result;
    }

    /** The slots of a window: the whole session, or the grid counted from the opening (the last may be short). */
    static List<TimeRange> slots(Window window, int slotMinutes) {
        if (window.session()) {
            return List.of(window.range());
        }
        List<TimeRange> slots = new ArrayList<>();
        Duration step = Duration.ofMinutes(slotMinutes);
        Instant end = window.range().end();
        for (Instant at = window.range().start(); at.isBefore(end); at = at.plus(step)) {
            Instant slotEnd = at.plus(step).isAfter(end) ? end : at.plus(step);
            slots.add(new TimeRange(at, slotEnd));
        }
        return slots;
    }

    /**
     * Refuses a period that does not lie inside one window on the grid (or is not exactly a session), or that
     * meets a closure. Returns the window it lies in.
     */
    public static Window place(
            List<Window> windows, List<Closure> closures, TimeRange period, int slotMinutes, boolean bySession) {
        Window window = windows.stream()
                .filter(w -> w.range().contains(period))
                .findFirst()
                .orElseThrow(() -> DomainException.invalid(
                        bySession ? "booking.no-session" : "booking.outside-opening-hours", Map.of()));
        if (window.session()) {
            if (!window.range().equals(period)) {
                throw DomainException.invalid("booking.no-session", Map.of());
            }
        } else {
            // to the nanosecond: a start half a second off the grid would overlap its neighbours
            long step = Duration.ofMinutes(slotMinutes).toNanos();
            long fromOpening =
                    Duration.between(window.range().start(), period.start()).toNanos();
            long toEnd = Duration.between(window.range().start(), period.end()).toNanos();
            boolean endsAtClosing = period.end().equals(window.range().end());
            if (fromOpening % step != 0 || (!endsAtClosing && toEnd % step != 0)) {
                throw DomainException.invalid("booking.misaligned", Map.of("minutes", slotMinutes));
            }
        }
        closures.stream().filter(c -> c.period().overlaps(period)).findFirst().ifPresent(c -> {
            throw DomainException.conflict(
                    c.kind() == org.tierslieux.core.schedule.ClosureKind.MAINTENANCE
                            ? "booking.maintenance"
                            : "booking.closed",
                    Map.of("reason", c.reason() == null ? "" : c.reason()));
        });
        return window;
    }

    private static boolean closed(List<Closure> closures, TimeRange slot) {
        for (Closure c : closures) {
            if (c.period().overlaps(slot)) {
                return true;
            }
        }
        return false;
    }

    /** The most seats taken at any instant of {@code range} (bookings sorted by start). */
    public static int peakSeats(List<Taken> sortedByStart, TimeRange range) {
        List<long[]> edges = new ArrayList<>();
        for (Taken t : sortedByStart) {
            if (!t.period().start().isBefore(range.end())) {
                break;
            }
            if (t.period().overlaps(range)) {
                Instant from = t.period().start().isBefore(range.start())
                        ? range.start()
                        : t.period().start();
                Instant to = t.period().end().isAfter(range.end())
                        ? range.end()
                        : t.period().end();
                edges.add(new long[] {from.getEpochSecond() * 1_000_000L + from.getNano() / 1000, t.seats()});
                edges.add(new long[] {to.getEpochSecond() * 1_000_000L + to.getNano() / 1000, -t.seats()});
            }
        }
        // at the same instant, ends come before starts: ranges are half-open
        edges.sort(Comparator.<long[]>comparingLong(e -> e[0]).thenComparingLong(e -> e[1]));
        int now = 0;
        int peak = 0;
        for (long[] e : edges) {
            now += (int) e[1];
            peak = Math.max(peak, now);
        }
        return peak;
    }
}
