package org.tierslieux.core.web;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.UUID;
import org.tierslieux.core.error.DomainException;

/**
 * Reads what a form sent: text fields become numbers, days and times, or a refusal that names the field in the
 * caller's language (the page passes the field's label) and the value as typed.
 */
public final class Forms {

    private Forms() {}

    /** A whole number between {@code min} and {@code max}; blank is null. */
    public static Integer number(String value, String label, int min, int max) {
        if (isBlank(value)) {
            return null;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException notANumber) {
            // refused below, with the value as typed
        }
        throw DomainException.invalid(
                "form.number-invalid", Map.of("field", label, "value", value.strip(), "min", min, "max", max));
    }

    /** A day {@code YYYY-MM-DD}; blank is null. */
    public static LocalDate date(String value, String label) {
        if (isBlank(value)) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw DomainException.invalid("form.date-invalid", Map.of("field", label, "value", value.strip()));
        }
    }

    /** A time {@code HH:MM}; blank is null. */
    public static LocalTime time(String value, String label) {
        if (isBlank(value)) {
            return null;
        }
        try {
            return LocalTime.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw DomainException.invalid("form.time-invalid", Map.of("field", label, "value", value.strip()));
        }
    }

    /** A local date and time {@code YYYY-MM-DDTHH:MM}, as an {@code datetime-local} input sends it; blank is null. */
    public static LocalDateTime dateTime(String value, String label) {
        if (isBlank(value)) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw DomainException.invalid("form.date-invalid", Map.of("field", label, "value", value.strip()));
        }
    }

    /** An id from a hidden field or a select; anything else is the not-found refusal given. */
    public static UUID id(String value, String notFoundCode) {
        try {
            return UUID.fromString(value == null ? "" : value.strip());
        } catch (IllegalArgumentException e) {
            throw DomainException.notFound(notFoundCode, Map.of("id", String.valueOf(value)));
        }
    }

    public static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    /** A date for a {@code ?day=} or {@code ?week=} parameter, or {@code otherwise} when missing or unreadable. */
    public static LocalDate dayOr(String value, LocalDate otherwise) {
        try {
            LocalDate day = isBlank(value) ? null : LocalDate.parse(value.strip());
            return day == null || day.getYear() < 2000 || day.getYear() > 2200 ? otherwise : day;
        } catch (DateTimeParseException e) {
            return otherwise;
        }
    }
}
