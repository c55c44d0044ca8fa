package org.tierslieux.core.people;

import org.tierslieux.core.error.DomainException;

/** The caller must sign in first: 401 with a challenge for the API, a redirect to the login page for pages. */
public class Unauthenticated extends DomainException {
    public Unauthenticated() {
        super(401, "access.unauthenticated");
    }
}
