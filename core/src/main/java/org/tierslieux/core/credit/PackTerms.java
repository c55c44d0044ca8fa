package org.tierslieux.core.credit;

import java.math.BigDecimal;
import java.util.Map;
import org.tierslieux.core.error.DomainException;
import org.tierslieux.core.kernel.Money;
import org.tierslieux.core.pricing.Scope;
import org.tierslieux.core.pricing.Unit;
import org.tierslieux.core.pricing.VatRate;

/**
 * What a manager sells as a pack, checked when built: a name, what the credits are for, a positive quantity on
 * the unit's step, one validity (days or months), a price from 0 to 99,999.99, a known VAT rate. A day pass is a
 * single unit.
 */
public record PackTerms(
        String name,
        String description,
        Scope scope,
        Unit unit,
        BigDecimal quantity,
        Integer validityDays,
        Integer validityMonths,
        Money price,
        VatRate vat,
        boolean dayPass) {

    public PackTerms {
        if (name == null || name.isBlank() || name.strip().length() > 120) {
            throw DomainException.invalid("pack.name-invalid", Map.of());
        }
        name = name.strip();
        if (scope == null) {
            throw DomainException.invalid("credit.scope-missing", Map.of());
        }
        if (unit == null) {
            throw DomainException.invalid("credit.unit-missing", Map.of());
        }
        PlanCreditRules.checkQuantity(unit, quantity);
        if ((validityDays == null) == (validityMonths == null)
                || (validityDays != null && (validityDays < 1 || validityDays > 3660))
                || (validityMonths != null && (validityMonths < 1 || validityMonths > 120))) {
            throw DomainException.invalid("pack.validity-invalid", Map.of());
        }
        PlanCreditRules.checkPrice(price);
        if (vat == null) {
            throw DomainException.invalid(
                    "price.vat-rate-unknown", Map.of("rate", "", "known", "20, 10, 5.5, 2.1, EXEMPT"));
        }
        if (dayPass && quantity.compareTo(BigDecimal.ONE) != 0) {
            throw DomainException.invalid("pack.day-pass-single", Map.of());
        }
    }
}
