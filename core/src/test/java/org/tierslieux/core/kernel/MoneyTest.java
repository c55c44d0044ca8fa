package org.tierslieux.core.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void amounts_add_up_without_floating_point_drift() {
        Money total = Money.zero(java.util.Currency.getInstance("EUR"));
        for (int i = 0; i < 10; i++) {
            total = total.plus(Money.of("0.10", "EUR"));
        }
        assertThat(total).isEqualTo(Money.of("1.00", "EUR"));
        assertThat(total.display()).isEqualTo("1.00");
    }

    @Test
    void rounding_to_cents_happens_in_one_place_half_up() {
        assertThat(Money.of("10", "EUR")
                        .times(new BigDecimal("0.055"))
                        .rounded()
                        .display())
                .isEqualTo("0.55");
        assertThat(Money.of("0.125", "EUR").rounded().display()).isEqualTo("0.13");
        assertThat(Money.of("0.124", "EUR").rounded().display()).isEqualTo("0.12");
        assertThat(Money.of("-0.125", "EUR").rounded().display()).isEqualTo("-0.13");
    }

    @Test
    void stored_amounts_keep_four_decimals() {
        assertThat(Money.of("1.234567", "EUR").amount()).isEqualByComparingTo("1.2346");
    }

    @Test
    void mixing_currencies_is_an_error() {
        assertThatThrownBy(() -> Money.of("1", "EUR").plus(Money.of("1", "CHF")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.of("1", "EUR").compareTo(Money.of("1", "USD")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void equality_ignores_scale_but_not_currency() {
        assertThat(Money.of("12.5", "EUR"))
                .isEqualTo(Money.of("12.50", "EUR"))
                .hasSameHashCodeAs(Money.of("12.50", "EUR"));
        assertThat(Money.of("12.5", "EUR")).isNotEqualTo(Money.of("12.5", "CHF"));
    }
}
