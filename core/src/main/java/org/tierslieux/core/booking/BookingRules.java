package org.tierslieux.core.booking;

import java.time.Duration;

/**
 * The rules a booking of one resource must keep, once the resource's own settings, its kind's and the
 * place's were merged (the narrowest wins, field by field). Null means no limit. The member's limits count
 * the bookings of where they were set: {@code maxActiveCounts} and {@code maxHoursCounts}.
 */
public record BookingRules(
        Integer minMinutes,
        Integer maxMinutes,
        int minNoticeMinutes,
        int horizonDays,
        int cancelDeadlineMinutes,
        Integer maxActive,
        Integer maxHoursPerWeek,
        Audience audience,
        Level maxActiveCounts,
        Level maxHoursCounts) {

    /**
     * Where a setting was made, and so which of the member's bookings a limit set there counts: those of the
     * resource ("one laser booking at a time"), of its kind ("ten desk half-days a week"), or all of them in
     * the place ("four bookings to come, whatever they are").
     */
    public enum Level {
        RESOURCE,
        KIND,
        PLACE
    }

    /** What applies where managers set nothing: book up to 90 days ahead, cancel until the start. */
    public static final BookingRules DEFAULTS =
            new BookingRules(null, null, 0, 90, 0, null, null, Audience.MEMBERS, null, null);

    /** One level of settings (resource, kind or place), as stored; null fields inherit. */
    public record Settings(
            Integer minMinutes,
            Integer maxMinutes,
            Integer minNoticeMinutes,
            Integer horizonDays,
            Integer cancelDeadlineMinutes,
            Integer maxActive,
            Integer maxHoursPerWeek,
            Audience audience) {

        public static final Settings NONE = new Settings(null, null, null, null, null, null, null, null);

        /** These settings, made at {@code level}, completed by {@code wider} where they say nothing. */
        public BookingRules over(BookingRules wider, Level level) {
            return new BookingRules(
                    minMinutes != null ? minMinutes : wider.minMinutes(),
                    maxMinutes != null ? maxMinutes : wider.maxMinutes(),
                    minNoticeMinutes != null ? minNoticeMinutes : wider.minNoticeMinutes(),
                    horizonDays != null ? horizonDays : wider.horizonDays(),
                    cancelDeadlineMinutes != null ? cancelDeadlineMinutes : wider.cancelDeadlineMinutes(),
                    maxActive != null ? maxActive : wider.maxActive(),
                    maxHoursPerWeek != null ? maxHoursPerWeek : wider.maxHoursPerWeek(),
                    audience != null ? audience : wider.audience(),
                    maxActive != null ? level : wider.maxActiveCounts(),
                    maxHoursPerWeek != null ? level : wider.maxHoursCounts());
        }
    }

    public Duration minNotice() {
        return Duration.ofMinutes(minNoticeMinutes);
    }

    public Duration cancelDeadline() {
        return Duration.ofMinutes(cancelDeadlineMinutes);
    }
}
