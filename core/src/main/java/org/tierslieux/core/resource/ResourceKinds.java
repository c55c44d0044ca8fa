package org.tierslieux.core.resource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import java.util.Collection;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.tierslieux.core.error.DomainException;

/** Every resource kind the modules of this instance bring, by code. */
@ApplicationScoped
public class ResourceKinds {

    private final Map<String, ResourceKind> byCode = new TreeMap<>();

    ResourceKinds(@Any Instance<ResourceKind> kinds) {
        for (ResourceKind kind : kinds) {
            ResourceKind previous = byCode.put(kind.code(), kind);
            if (previous != null) {
                throw new IllegalStateException("Two resource kinds share the code " + kind.code());
            }
        }
    }

    public ResourceKind byCode(String code) {
        ResourceKind kind = code == null ? null : byCode.get(code.strip().toUpperCase(Locale.ROOT));
        if (kind == null) {
            throw DomainException.invalid(
                    "resource.kind-unknown",
                    Map.of("kind", String.valueOf(code), "known", String.join(", ", byCode.keySet())));
        }
        return kind;
    }

    public Collection<ResourceKind> all() {
        return Collections.unmodifiableCollection(byCode.values());
    }
}
