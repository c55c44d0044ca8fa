package org.tierslieux.core.resource;

import org.tierslieux.core.kernel.DomainEvent;
import org.tierslieux.core.place.PlaceId;

/** Published when a resource stops being bookable: the booking engine cancels or keeps its future bookings. */
public record ResourceArchived(PlaceId place, ResourceId resource) implements DomainEvent {}
