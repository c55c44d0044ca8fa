package org.tierslieux.core.booking;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.tierslieux.core.booking.BookingRules.Level;
import org.tierslieux.core.booking.BookingRules.Settings;

/** Rules set at three levels merge field by field, the most specific level winning. */
class BookingRulesTest {

    private static Settings settings(Integer maxMinutes, Integer horizonDays, Integer maxActive, Integer maxHours) {
        return new Settings(null, maxMinutes, null, horizonDays, null, maxActive, maxHours, null);
    }

    @Test
    void each_field_comes_from_the_most_specific_level_that_sets_it() {
        BookingRules merged = settings(120, null, null, null)
                .over(
                        settings(240, null, 2, null)
                                .over(settings(480, 30, null, 20).over(BookingRules.DEFAULTS, Level.PLACE), Level.KIND),
                        Level.RESOURCE);
        assertThat(merged.maxMinutes()).isEqualTo(120);
        assertThat(merged.horizonDays()).isEqualTo(30);
        assertThat(merged.minNoticeMinutes()).isZero();
        assertThat(merged.audience()).isEqualTo(Audience.MEMBERS);
        // each limit counts the bookings of the level that set it
        assertThat(merged.maxActive()).isEqualTo(2);
        assertThat(merged.maxActiveCounts()).isEqualTo(Level.KIND);
        assertThat(merged.maxHoursPerWeek()).isEqualTo(20);
        assertThat(merged.maxHoursCounts()).isEqualTo(Level.PLACE);
    }

    @Test
    void a_resource_may_be_looser_than_its_kind_and_nothing_set_means_the_defaults() {
        BookingRules looser = settings(600, null, 5, null)
                .over(settings(240, null, 1, null).over(BookingRules.DEFAULTS, Level.KIND), Level.RESOURCE);
        assertThat(looser.maxMinutes()).isEqualTo(600);
        assertThat(looser.maxActive()).isEqualTo(5);
        assertThat(looser.maxActiveCounts()).isEqualTo(Level.RESOURCE);
        BookingRules none = Settings.NONE.over(
                Settings.NONE.over(Settings.NONE.over(BookingRules.DEFAULTS, Level.PLACE), Level.KIND), Level.RESOURCE);
        assertThat(none).isEqualTo(BookingRules.DEFAULTS);
        assertThat(none.maxActiveCounts()).isNull();
    }
}
