package org.tierslieux.server.billing.ledger;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.tierslieux.server.testsupport.Demo;
import org.tierslieux.server.testsupport.TestDatabase;

/** What ledger tests set up through the API: a place of their own, people with roles there. */
final class Ledger {

    static final String PASSWORD = "un-long-mot-de-passe";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private Ledger() {}

    static String unique(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36) + SEQUENCE.incrementAndGet();
    }

    /**
     * A new place (VAT-registered, Paris) whose treasurer is the demo treasurer, the demo manager its manager and
     * the demo member a member; returns its slug.
     */
    static String aPlace() {
        return aPlace(null);
    }

    /** The same with a VAT exemption mention instead of a VAT number when {@code exemption} is given. */
    static String aPlace(String exemption) {
        String slug = unique("compta").toLowerCase();
        var body = new HashMap<>(Demo.aPlace(slug, "Lieu " + slug));
        if (exemption != null) {
            body.put(
                    "legal",
                    Map.of(
                            "legalName",
                            "Association " + slug,
                            "siret",
                            "44306184100047",
                            "vatExemptionMention",
                            exemption));
        }
        Demo.as(Demo.ADMIN).body(body).post("/api/v1/network/places").then().statusCode(201);
        grant(slug, Demo.TREASURER, "TREASURER");
        grant(slug, Demo.MANAGER, "MANAGER");
        grant(slug, Demo.MEMBER, "MEMBER");
        return slug;
    }

    static String api(String slug) {
        return "/api/v1/places/" + slug;
    }

    static void grant(String slug, String email, String... roles) {
        Demo.as(Demo.ADMIN)
                .body(Map.of("email", email, "roles", List.of(roles)))
                .post(api(slug) + "/members")
                .then()
                .statusCode(200);
    }

    /** A new account with the given roles at the place; returns its e-mail. */
    static String aPerson(String slug, String... roles) {
        String email = unique("p") + "@example.org";
        Demo.as(Demo.ADMIN)
                .body(Map.of("email", email, "displayName", "Personne " + email, "password", PASSWORD))
                .post("/api/v1/network/people")
                .then()
                .statusCode(201);
        if (roles.length > 0) {
            grant(slug, email, roles);
        }
        return email;
    }

    static RequestSpecification as(String email) {
        if (email.endsWith("@demo.test")) {
            return Demo.as(email);
        }
        return given().auth()
                .preemptive()
                .basic(email, PASSWORD)
                .contentType(ContentType.JSON)
                .accept(ContentType.JSON);
    }

    static UUID personId(String email) {
        return UUID.fromString(
                as(email).get("/api/v1/me").then().statusCode(200).extract().path("id"));
    }

    static long count(String sql, Object... parameters) {
        try (Connection c = TestDatabase.superuser();
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs statements as the superuser (row-level security and ownership do not apply). */
    static void superuser(String... statements) {
        try (Connection c = TestDatabase.superuser()) {
            for (String sql : statements) {
                try (var s = c.createStatement()) {
                    s.execute(sql);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
