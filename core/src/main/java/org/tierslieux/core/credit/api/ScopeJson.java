package org.tierslieux.core.credit.api;

import java.util.Map;
import java.util.UUID;
import org.tierslieux.core.error.DomainException;
import org.tierslieux.core.pricing.Scope;
import org.tierslieux.core.pricing.Unit;
import org.tierslieux.core.resource.ResourceId;

/** What credits are for, in the API: a resource kind's code ({@code DESK_POOL}) or one resource's id. */
public record ScopeJson(String kind, UUID resourceId) {

    public static ScopeJson of(Scope scope) {
        return new ScopeJson(
                scope.kind(), scope.resource() == null ? null : scope.resource().value());
    }

    public Scope toScope() {
        boolean hasKind = kind != null && !kind.isBlank();
        if (hasKind == (resourceId != null)) {
            throw DomainException.invalid("credit.scope-missing", Map.of());
        }
        return hasKind ? Scope.ofKind(kind) : Scope.ofResource(new ResourceId(resourceId));
    }

    /** Reads a unit (HOUR, HALF_DAY, DAY, USE, SESSION); 422 credit.unit-missing otherwise. */
    public static Unit unit(String text) {
        if (text == null || text.isBlank()) {
            throw DomainException.invalid("credit.unit-missing", Map.of());
        }
        try {
            return Unit.valueOf(text.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("credit.unit-missing", Map.of());
        }
    }
}
