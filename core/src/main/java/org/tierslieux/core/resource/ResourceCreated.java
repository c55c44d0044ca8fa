package org.tierslieux.core.resource;

import org.tierslieux.core.kernel.DomainEvent;
import org.tierslieux.core.place.PlaceId;

/** Published after a manager created a resource (observers run in the same transaction). */
public record ResourceCreated(PlaceId place, ResourceId resource, String kind) implements DomainEvent {}
