package org.tierslieux.core.pricing;

import java.util.Objects;
import org.tierslieux.core.resource.Resource;
import org.tierslieux.core.resource.ResourceId;

/**
 * What a credit or a price applies to: one resource, or every resource of a kind (the kind's code, as
 * {@link org.tierslieux.core.resource.ResourceKind#code()} gives it: {@code DESK}, {@code MACHINE}...).
 * Exactly one of the two is set.
 */
public record Scope(String kind, ResourceId resource) {

    public Scope {
        if ((kind == null) == (resource == null)) {
            throw new IllegalArgumentException("A scope names a kind or a resource, not both nor none");
        }
        if (kind != null) {
            kind = kind.strip().toUpperCase(java.util.Locale.ROOT);
        }
    }

    public static Scope ofKind(String kind) {
        return new Scope(Objects.requireNonNull(kind, "kind"), null);
    }

    public static Scope ofResource(ResourceId resource) {
        return new Scope(null, Objects.requireNonNull(resource, "resource"));
    }

    public boolean isResource() {
        return resource != null;
    }

    public boolean covers(Resource r) {
        return resource != null ? resource.equals(r.id()) : kind.equals(r.kind());
    }
}
