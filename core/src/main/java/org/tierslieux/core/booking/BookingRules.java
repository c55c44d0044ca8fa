package org.tierslieux.core.booking;

import java.time.Duration;

/**
 * The rules a booking of one resource must keep, once the resource's own settings, its kind's and the
 * place's were merged (the narrowest wins, field by field). Null means no limit.
 */
public record BookingRules(
        Integer minMinutes,
        Integer maxMinutes,
        int minNoticeMinutes,
        int horizonDays,
        int cancelDeadlineMinutes,
        Integer maxActive,
        Integer maxHoursPerWeek,
        Audience audience) {

    /** What applies where managers set nothing: book up to 90 days ahead, cancel until the start. */
    public static final BookingRules DEFAULTS = new BookingRules(null, null, 0, 90, 0, null, null, Audience.MEMBERS);

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

        /** These settings, completed by {@code wider} where they say nothing. */
        public BookingRules over(BookingRules wider) {
            return new BookingRules(
                    minMinutes != null ? minMinutes : wider.minMinutes(),
                    maxMinutes != null ? maxMinutes : wider.maxMinutes(),
                    minNoticeMinutes != null ? minNoticeMinutes : wider.minNoticeMinutes(),
                    horizonDays != null ? horizonDays : wider.horizonDays(),
                    cancelDeadlineMinutes != null ? cancelDeadlineMinutes : wider.cancelDeadlineMinutes(),
                    maxActive != null ? maxActive : wider.maxActive(),
                    maxHoursPerWeek != null ? maxHoursPerWeek : wider.maxHoursPerWeek(),
                    audience != null ? audience : wider.audience());
        }
    }

    public Duration minNotice() {
        return Duration.ofMinutes(minNoticeMinutes);
    }

    public Duration cancelDeadline() {
        return Duration.ofMinutes(cancelDeadlineMinutes);
    }
}
