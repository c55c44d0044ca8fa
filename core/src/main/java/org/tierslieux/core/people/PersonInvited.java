package org.tierslieux.core.people;

import org.tierslieux.core.kernel.DomainEvent;
import org.tierslieux.core.place.PlaceRef;

/**
 * A manager invited someone to their place and gave them a role there. {@code passwordLink} is the local mode's
 * one-time link to choose a password (never stored in clear, only carried to the mail); null when the person can
 * already sign in. {@code keycloakMails} says that Keycloak sends its own e-mail, so ours is not needed.
 */
public record PersonInvited(PlaceRef place, PersonId person, Role role, String passwordLink, boolean keycloakMails)
        implements DomainEvent {}
