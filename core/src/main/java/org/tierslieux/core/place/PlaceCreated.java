package org.tierslieux.core.place;

import org.tierslieux.core.kernel.DomainEvent;

/** Published when a network admin adds a place, for modules that prepare something per place. */
public record PlaceCreated(PlaceId place, String slug) implements DomainEvent {}
