package org.tierslieux.core.plan;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.tierslieux.core.credit.PlanCreditRules;
import org.tierslieux.core.error.DomainException;
import org.tierslieux.core.kernel.Money;
import org.tierslieux.core.pricing.VatRate;

/**
 * What a manager offers as a plan, checked when built: a name, a period (a plan with none is refused), a price
 * from 0 to 99,999.99 and a known VAT rate, a commitment of 0 to 120 periods, the included credits, whether they
 * carry over, a discount of 0 to 100 % on what members book beyond them.
 */
public record PlanDraft(
        String name,
        String description,
        PlanPeriod period,
        Money price,
        VatRate vat,
        int commitmentPeriods,
        List<IncludedCredit> credits,
        boolean carryOver,
        BigDecimal extrasDiscountPercent) {

    public PlanDraft {
        if (name == null || name.isBlank() || name.strip().length() > 120) {
            throw DomainException.invalid("plan.name-invalid", Map.of());
        }
        name = name.strip();
        if (period == null) {
            throw DomainException.invalid("plan.period-missing", Map.of());
        }
        PlanCreditRules.checkPrice(price);
        if (vat == null) {
            throw DomainException.invalid(
                    "price.vat-rate-unknown", Map.of("rate", "", "known", "20, 10, 5.5, 2.1, EXEMPT"));
        }
        if (commitmentPeriods < 0 || commitmentPeriods > 120) {
            throw DomainException.invalid("plan.commitment-invalid", Map.of());
        }
        credits = credits == null ? List.of() : List.copyOf(credits);
        if (credits.size() > 20) {
            throw DomainException.invalid("plan.too-many-credits", Map.of("max", 20));
        }
        if (extrasDiscountPercent == null) {
            extrasDiscountPercent = BigDecimal.ZERO;
        }
        if (extrasDiscountPercent.signum() < 0 || extrasDiscountPercent.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw DomainException.invalid("plan.discount-invalid", Map.of());
        }
    }
}
