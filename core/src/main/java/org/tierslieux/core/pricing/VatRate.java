package org.tierslieux.core.pricing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.tierslieux.core.error.DomainException;

/**
 * A French VAT rate: 20, 10, 5.5, 2.1 or {@link #EXEMPT} (0, with the place's legal exemption mention). Any
 * other rate is refused with {@code price.vat-rate-unknown} (422). Compared by value: {@code 20 == 20.0}.
 */
public record VatRate(BigDecimal percent) {

    // before the constants: their construction checks against it
    private static final List<BigDecimal> KNOWN = List.of(
            new BigDecimal("20"), new BigDecimal("10"), new BigDecimal("5.5"), new BigDecimal("2.1"), BigDecimal.ZERO);

    public static final VatRate STANDARD = new VatRate(new BigDecimal("20"));
    public static final VatRate INTERMEDIATE = new VatRate(new BigDecimal("10"));
    public static final VatRate REDUCED = new VatRate(new BigDecimal("5.5"));
    public static final VatRate SUPER_REDUCED = new VatRate(new BigDecimal("2.1"));
    public static final VatRate EXEMPT = new VatRate(BigDecimal.ZERO);

    public VatRate {
        Objects.requireNonNull(percent, "percent");
        BigDecimal given = percent;
        percent = KNOWN.stream()
                .filter(k -> k.compareTo(given) == 0)
                .findFirst()
                .orElseThrow(() -> unknown(given.toPlainString()));
    }

    /** Reads {@code "20"}, {@code "5.5"}, {@code "5,5"}, {@code "2.1"}, {@code "0"} or {@code "EXEMPT"}. */
    public static VatRate of(String text) {
        if (text == null || text.isBlank()) {
            throw unknown(String.valueOf(text));
        }
        String t = text.strip().replace(',', '.').replace("%", "").strip();
        if (t.toUpperCase(Locale.ROOT).equals("EXEMPT")) {
            return EXEMPT;
        }
        try {
            return new VatRate(new BigDecimal(t));
        } catch (NumberFormatException e) {
            throw unknown(text);
        }
    }

    public static List<VatRate> all() {
        return List.of(STANDARD, INTERMEDIATE, REDUCED, SUPER_REDUCED, EXEMPT);
    }

    public boolean exempt() {
        return percent.signum() == 0;
    }

    /** The rate as a factor: 0.20 for 20 %. */
    public BigDecimal fraction() {
        return percent.divide(BigDecimal.valueOf(100), 4, RoundingMode.UNNECESSARY);
    }

    /** As stored and published: {@code "20"}, {@code "5.5"}, or {@code "EXEMPT"}. */
    public String code() {
        return exempt() ? "EXEMPT" : percent.toPlainString();
    }

    @Override
    public String toString() {
        return code();
    }

    private static DomainException unknown(String given) {
        return DomainException.invalid(
                "price.vat-rate-unknown", Map.of("rate", given, "known", "20, 10, 5.5, 2.1, EXEMPT"));
    }
}
