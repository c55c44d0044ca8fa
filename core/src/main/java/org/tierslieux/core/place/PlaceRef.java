package org.tierslieux.core.place;

import java.time.ZoneId;
import java.util.Currency;

/** What a request needs to know of its place: cheap to cache, safe to share between threads. */
@io.quarkus.qute.TemplateData
public record PlaceRef(PlaceId id, String slug, String name, ZoneId zone, Currency currency) {}
