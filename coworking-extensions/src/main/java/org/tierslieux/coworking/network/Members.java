package org.tierslieux.coworking.network;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import org.tierslieux.core.people.PersonId;

/** Whether a person has a role in the current place (row-level security keeps the read to that place). */
@ApplicationScoped
class Members {

    boolean isMemberHere(PersonId person) {
        return !Panache.getEntityManager()
                .createNativeQuery("select 1 from membership where tenant_id = current_place_id() and person_id = :p")
                .setParameter("p", person.value())
                .getResultList()
                .isEmpty();
    }
}
