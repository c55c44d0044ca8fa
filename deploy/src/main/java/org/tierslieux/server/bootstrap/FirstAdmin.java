package org.tierslieux.server.bootstrap;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.tierslieux.core.people.IdentityMode;
import org.tierslieux.core.people.PeopleService;
import org.tierslieux.core.people.PersonDirectory;

/**
 * Creates the network's first admin from {@code TL_BOOTSTRAP_ADMIN_EMAIL} (and, in local mode,
 * {@code TL_BOOTSTRAP_ADMIN_PASSWORD}) when the network has none yet; does nothing afterwards, so the
 * variables can be removed once the admin exists.
 */
@ApplicationScoped
class FirstAdmin {

    private static final Logger LOG = Logger.getLogger(FirstAdmin.class);

    @ConfigProperty(name = "tl.bootstrap.admin-email")
    Optional<String> email;

    @ConfigProperty(name = "tl.bootstrap.admin-password")
    Optional<String> password;

    void create(
            @Observes @Priority(50) StartupEvent started,
            PeopleService people,
            PersonDirectory directory,
            IdentityMode mode) {
        if (email.isEmpty() || people.hasNetworkAdmin()) {
            return;
        }
        var existing = directory.byEmail(email.get());
        if (existing.isPresent()) {
            people.makeNetworkAdmin(existing.get().id());
        } else {
            people.createAccount(
                    email.get(), "Administrateur du réseau", mode.isLocal() ? password.orElse(null) : null, true);
        }
        LOG.infof("First network admin: %s", email.get());
    }
}
