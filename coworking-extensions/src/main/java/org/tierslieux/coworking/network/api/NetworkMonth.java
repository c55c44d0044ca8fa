package org.tierslieux.coworking.network.api;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.tierslieux.core.error.DomainException;

/** A month of the API ({@code YYYY-MM}); absent: this month in Paris, the network's zone. */
final class NetworkMonth {

    static final ZoneId NETWORK_ZONE = ZoneId.of("Europe/Paris");

    private NetworkMonth() {}

    static YearMonth parse(String value, Clock clock) {
        if (value == null || value.isBlank()) {
            return YearMonth.from(clock.instant().atZone(NETWORK_ZONE));
        }
        try {
            YearMonth month = YearMonth.parse(value.strip());
            if (month.getYear() < 2000 || month.getYear() > 2100) {
                throw DomainException.invalid("network.month-invalid", Map.of("month", value));
            }
            return month;
        } catch (DateTimeParseException e) {
            throw DomainException.invalid("network.month-invalid", Map.of("month", value));
        }
    }
}
