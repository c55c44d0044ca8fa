package org.tierslieux.core.plan;

import java.math.BigDecimal;
import java.util.Map;
import org.tierslieux.core.credit.PlanCreditRules;
import org.tierslieux.core.error.DomainException;
import org.tierslieux.core.pricing.Scope;
import org.tierslieux.core.pricing.Unit;

/** Credits a plan grants each period: so many units of a resource or of a kind of resource. */
@io.quarkus.qute.TemplateData
public record IncludedCredit(Scope scope, Unit unit, BigDecimal quantity) {
    public IncludedCredit {
        if (scope == null) {
            throw DomainException.invalid("credit.scope-missing", Map.of());
        }
        if (unit == null) {
            throw DomainException.invalid("credit.unit-missing", Map.of());
        }
        PlanCreditRules.checkQuantity(unit, quantity);
        quantity = quantity.setScale(2, java.math.RoundingMode.UNNECESSARY);
    }
}
