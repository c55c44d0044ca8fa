package org.tierslieux.core.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.tierslieux.core.people.PersonInvited;

/**
 * Writes to an invited person once the invitation is committed: the link to choose a password, or a notice.
 * Nothing when Keycloak sends its own e-mail (a new user in OIDC mode), so that nobody gets two.
 */
@ApplicationScoped
class InvitationMails {

    private final Notifier notifier;

    InvitationMails(Notifier notifier) {
        this.notifier = notifier;
    }

    void invited(@Observes(during = TransactionPhase.AFTER_SUCCESS) PersonInvited event) {
        if (!event.keycloakMails()) {
            notifier.invited(event.place(), event.person(), event.passwordLink());
        }
    }
}
