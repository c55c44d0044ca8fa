/**
 * Places (tenants): one tiers-lieu each, with its slug, time zone, currency, legal identity, address,
 * coordinates and kinds. The {@code place} table belongs to the network, not to a tenant; everything a place
 * owns lives in tenant tables. {@link org.tierslieux.core.place.PlaceDirectory} resolves the slug of a path
 * to a {@link org.tierslieux.core.place.PlaceRef} without touching the ORM session, so that the session is
 * opened only once the place is known.
 */
package org.tierslieux.core.place;
