package org.tierslieux.core.people;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import org.tierslieux.core.tenancy.PlaceContext;

/**
 * One member's lock in the current place, held until the end of the transaction (re-entrant within it). What
 * is counted per member — booking limits, credits — is counted under it, so two requests of the same member
 * at the same instant cannot both slip under a limit or spend the same last credit. One key for all of them:
 * a second key would let the two counts race each other.
 */
@ApplicationScoped
public class MemberLock {

    private final PlaceContext placeContext;

    MemberLock(PlaceContext placeContext) {
        this.placeContext = placeContext;
    }

    public void lock(PersonId person) {
        Panache.getEntityManager()
                .createNativeQuery("select pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .setParameter("key", placeContext.require().id().value() + "/" + person.value())
                .getSingleResult();
    }
}
