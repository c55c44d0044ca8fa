package org.tierslieux.billing.mollie;

import java.util.Map;
import java.util.regex.Pattern;
import org.tierslieux.core.error.DomainException;

/**
 * A Mollie API key as a manager types it: {@code test_} or {@code live_} and at least 30 letters or digits.
 * {@link #toString()} never shows it.
 */
public record MollieKey(String value) {

    private static final Pattern FORMAT = Pattern.compile("(test|live)_[A-Za-z0-9]{30,100}");

    public MollieKey {
        if (value == null || !FORMAT.matcher(value.strip()).matches()) {
            throw DomainException.invalid("mollie.key-invalid", Map.of());
        }
        value = value.strip();
    }

    /** {@code test} or {@code live}. */
    public String mode() {
        return value.substring(0, value.indexOf('_'));
    }

    public String last4() {
        return value.substring(value.length() - 4);
    }

    @Override
    public String toString() {
        return "MollieKey[" + mode() + "_…" + last4() + "]";
    }
}
