package org.tierslieux.core.place;

import java.util.Map;
import org.tierslieux.core.error.DomainException;

/**
 * A French establishment number: 14 digits with a valid Luhn key (La Poste's establishments, SIREN
 * 356000000, may use the sum-of-digits rule instead).
 */
public record Siret(String value) {

    public Siret {
        String digits = value == null ? "" : value.replace(" ", "");
        if (!digits.matches("\\d{14}") || !valid(digits)) {
            throw DomainException.invalid("place.siret-invalid", Map.of("siret", String.valueOf(value)));
        }
        value = digits;
    }

    private static boolean valid(String digits) {
        return luhn(digits)
                || (digits.startsWith("356000000")
                        && digits.chars().map(c -> c - '0').sum() % 5 == 0);
    }

    private static boolean luhn(String digits) {
        int sum = 0;
        for (int i = 0; i < 14; i++) {
            int d = digits.charAt(13 - i) - '0';
            if (i % 2 == 1) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return sum % 10 == 0;
    }
}
