package org.tierslieux.core.resource;

import java.util.Map;
import org.tierslieux.core.error.DomainException;

/**
 * What a manager describes of a resource; {@code capacity} and {@code slotMinutes} null mean the kind's
 * default, {@code requiresTraining} null means anyone allowed to book may.
 */
public record ResourceDetails(
        String name, String description, Integer capacity, Integer slotMinutes, ResourceId requiresTraining) {

    public ResourceDetails(String name, String description, Integer capacity) {
        this(name, description, capacity, null, null);
    }

    public ResourceDetails {
        if (name == null || name.isBlank()) {
            throw DomainException.invalid("resource.name-missing", Map.of());
        }
        name = name.strip();
        description = description == null || description.isBlank() ? null : description.strip();
        if (capacity != null && (capacity < 1 || capacity > 10_000)) {
            throw DomainException.invalid("resource.capacity-out-of-range", Map.of("capacity", capacity));
        }
        if (slotMinutes != null && (slotMinutes < 5 || slotMinutes > 1440)) {
            throw DomainException.invalid("resource.slot-out-of-range", Map.of("minutes", slotMinutes));
        }
    }
}
