package org.tierslieux.core.people;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.UsersResource;
import org.keycloak.representations.idm.UserRepresentation;
import org.tierslieux.core.error.DomainException;

/**
 * Identity mode {@code oidc}: the users of our Keycloak realm, through its admin API and the application's
 * service account ({@code quarkus.keycloak.admin-client.*}). Finds or creates the user an invitation names, and
 * asks Keycloak to send its own e-mail with the actions to take (choose a password, verify the address). Any
 * failure to reach Keycloak is a 503 {@code identity.unavailable}: the caller may try again once it is back.
 */
@ApplicationScoped
class KeycloakAccounts {

    private static final Logger LOG = Logger.getLogger(KeycloakAccounts.class);

    /** What Keycloak's e-mail asks a new user to do: choose a password, then prove the address is theirs. */
    static final List<String> FIRST_ACTIONS = List.of("UPDATE_PASSWORD", "VERIFY_EMAIL");

    /** A user of the realm: its id is the {@code sub} of the tokens Keycloak will issue for them. */
    record User(String subject, boolean emailVerified) {}

    private final Instance<Keycloak> keycloak;
    private final String realm;
    private final String clientId;
    private final String publicUrl;
    private final int actionsLifespanSeconds;

    KeycloakAccounts(
            Instance<Keycloak> keycloak,
            @ConfigProperty(name = "quarkus.keycloak.admin-client.realm", defaultValue = "tierslieux") String realm,
            @ConfigProperty(name = "quarkus.oidc.client-id", defaultValue = "tierslieux") String clientId,
            @ConfigProperty(name = "tl.public-url", defaultValue = "http://localhost:8080") String publicUrl,
            @ConfigProperty(name = "tl.invitation.validity", defaultValue = "P7D") java.time.Duration validity) {
        this.keycloak = keycloak;
        this.realm = realm;
        this.clientId = clientId;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        this.actionsLifespanSeconds = (int) Math.min(Integer.MAX_VALUE, validity.toSeconds());
    }

    /** The realm's user with this e-mail, created (enabled, address not yet verified) when there is none. */
    User findOrCreate(String email, String displayName) {
        return call("find or create a user", () -> {
            UsersResource users = keycloak.get().realm(realm).users();
            var found = byEmail(users, email);
            if (found != null) {
                return found;
            }
            UserRepresentation user = new UserRepresentation();
            user.setUsername(email);
            user.setEmail(email);
            user.setEnabled(true);
            user.setEmailVerified(false);
            String[] names = splitName(displayName);
            user.setFirstName(names[0]);
            user.setLastName(names[1]);
            try (Response created = users.create(user)) {
                int status = created.getStatus();
                if (status != 201 && status != 409) {
                    throw new WebApplicationException("Keycloak refused to create a user: " + status, status);
                }
            }
            // 409: someone created them meanwhile; either way, read them back
            found = byEmail(users, email);
            if (found == null) {
                throw new IllegalStateException("Keycloak created a user it cannot find");
            }
            return found;
        });
    }

    /** Keycloak's own e-mail to the user: choose a password and verify the address, then back to our site. */
    void sendFirstActions(String subject) {
        call("send the actions e-mail", () -> {
            keycloak.get()
                    .realm(realm)
                    .users()
                    .get(subject)
                    .executeActionsEmail(clientId, publicUrl + "/login/oidc", actionsLifespanSeconds, FIRST_ACTIONS);
            return null;
        });
    }

    private static User byEmail(UsersResource users, String email) {
        return users.searchByEmail(email, true).stream()
                .filter(u -> email.equalsIgnoreCase(u.getEmail()))
                .findFirst()
                .map(u -> new User(u.getId(), Boolean.TRUE.equals(u.isEmailVerified())))
                .orElse(null);
    }

    /** "Marie Curie" → ("Marie", "Curie"); a single word is a first name. */
    static String[] splitName(String displayName) {
        String name = displayName == null ? "" : displayName.strip();
        int space = name.indexOf(' ');
        return space < 0
                ? new String[] {name, ""}
                : new String[] {
                    name.substring(0, space), name.substring(space + 1).strip()
                };
    }

    private <T> T call(String what, Supplier<T> work) {
        try {
            return work.get();
        } catch (DomainException refused) {
            throw refused;
        } catch (RuntimeException e) {
            // unreachable, refusing our service account, or failing to send its mail: nothing the caller did wrong
            LOG.warnf("Keycloak could not %s: %s", what, rootMessage(e));
            throw new DomainException(503, "identity.unavailable", Map.of());
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
