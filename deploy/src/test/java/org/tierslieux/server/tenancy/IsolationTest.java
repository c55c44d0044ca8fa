package org.tierslieux.server.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.tierslieux.server.testsupport.Demo.ATELIER;
import static org.tierslieux.server.testsupport.Demo.FILATURE;
import static org.tierslieux.server.testsupport.Demo.MANAGER;
import static org.tierslieux.server.testsupport.Demo.MEMBER;
import static org.tierslieux.server.testsupport.Demo.MEMBER2;
import static org.tierslieux.server.testsupport.Demo.as;

import io.agroal.api.AgroalDataSource;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tierslieux.core.place.PlaceDirectory;
import org.tierslieux.core.place.PlaceRef;
import org.tierslieux.core.tenancy.PlaceScope;
import org.tierslieux.server.testsupport.TestDatabase;

/** A place's rows never reach another place: through the API, through raw SQL, with the ORM filter off. */
@QuarkusTest
class IsolationTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    PlaceScope scope;

    @Inject
    PlaceDirectory places;

    private static List<String> resourceIds(String place) {
        return as(MANAGER)
                .get("/api/v1/places/" + place + "/resources?size=200&archived=true")
                .then()
                .statusCode(200)
                .extract()
                .path("items.id");
    }

    @Test
    void ids_of_another_place_answer_404_through_this_place_whatever_the_verb() {
        List<String> filatureIds = resourceIds(FILATURE);
        assertThat(filatureIds).isNotEmpty();
        for (String id : filatureIds) {
            // the manager of both places, addressing atelier-commun with la-filature's ids
            as(MANAGER)
                    .get("/api/v1/places/" + ATELIER + "/resources/" + id)
                    .then()
                    .statusCode(404)
                    .body("code", equalTo("resource.not-found"));
            as(MANAGER)
                    .body(Map.of("name", "Hijacked", "capacity", 1))
                    .put("/api/v1/places/" + ATELIER + "/resources/" + id)
                    .then()
                    .statusCode(404);
            as(MANAGER)
                    .post("/api/v1/places/" + ATELIER + "/resources/" + id + "/archive")
                    .then()
                    .statusCode(404);
            // and a member of atelier-commun only
            as(MEMBER2)
                    .get("/api/v1/places/" + ATELIER + "/resources/" + id)
                    .then()
                    .statusCode(404);
        }
        // nothing was changed in la-filature by those attempts
        as(MANAGER)
                .get("/api/v1/places/" + FILATURE + "/resources?size=200")
                .then()
                .body("items.name", not(hasItem("Hijacked")))
                .body("items.status", not(hasItem("ARCHIVED")));
    }

    @Test
    void lists_never_show_another_places_rows() {
        List<String> filature = resourceIds(FILATURE);
        List<String> atelier = resourceIds(ATELIER);
        assertThat(atelier).isNotEmpty().doesNotContainAnyElementsOf(filature);
        List<String> seenByMember = as(MEMBER)
                .get("/api/v1/places/" + ATELIER + "/resources?size=200")
                .then()
                .extract()
                .path("items.id");
        assertThat(seenByMember).doesNotContainAnyElementsOf(filature);
        List<String> members = as(MANAGER)
                .get("/api/v1/places/" + ATELIER + "/members")
                .then()
                .statusCode(200)
                .extract()
                .path("items.email");
        assertThat(members).contains(MEMBER2);
        List<String> filatureMembers = as(MANAGER)
                .get("/api/v1/places/" + FILATURE + "/members")
                .then()
                .extract()
                .path("items.email");
        assertThat(filatureMembers).doesNotContain(MEMBER2);
    }

    @Test
    void a_member_of_one_place_is_refused_in_another() {
        as(MEMBER2)
                .get("/api/v1/places/" + FILATURE + "/resources")
                .then()
                .statusCode(403)
                .body("code", equalTo("access.not-a-member"));
        String atelierId = resourceIds(ATELIER).getFirst();
        as(MEMBER2)
                .get("/api/v1/places/" + FILATURE + "/resources/" + atelierId)
                .then()
                .statusCode(403);
    }

    @Test
    void raw_sql_through_the_application_datasource_with_no_place_sees_no_tenant_row() throws SQLException {
        assertThat(superuserCount("select count(*) from resource")).isGreaterThan(5);
        assertThat(superuserCount("select count(*) from membership")).isGreaterThan(5);
        assertThat(superuserCount("select count(*) from booking")).isGreaterThan(5);
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            assertThat(count(s, "select count(*) from resource")).isZero();
            assertThat(count(s, "select count(*) from membership")).isZero();
            assertThat(count(s, "select count(*) from booking")).isZero();
            assertThat(count(s, "select count(*) from opening_hours")).isZero();
            // network tables stay readable: only tenant tables are hidden
            assertThat(count(s, "select count(*) from place")).isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void with_the_orm_filter_bypassed_row_level_security_still_hides_the_other_place() throws SQLException {
        PlaceRef atelier = places.bySlug(ATELIER).orElseThrow();
        PlaceRef filature = places.bySlug(FILATURE).orElseThrow();
        long filatureRows = superuserCount("select count(*) from resource where tenant_id = '" + filature.id() + "'");
        long atelierRows = superuserCount("select count(*) from resource where tenant_id = '" + atelier.id() + "'");
        assertThat(filatureRows).isPositive();

        // native SQL skips Hibernate's tenant restriction: only PostgreSQL stands in the way
        long[] seen = scope.call(
                atelier,
                () -> QuarkusTransaction.requiringNew().call(() -> new long[] {
                    ((Number) Panache.getEntityManager()
                                    .createNativeQuery(
                                            "select count(*) from resource where tenant_id = cast(:other as uuid)")
                                    .setParameter("other", filature.id().toString())
                                    .getSingleResult())
                            .longValue(),
                    ((Number) Panache.getEntityManager()
                                    .createNativeQuery("select count(*) from resource")
                                    .getSingleResult())
                            .longValue()
                }));
        assertThat(seen[0]).isZero();
        assertThat(seen[1]).isEqualTo(atelierRows);
    }

    @Test
    void rows_cannot_be_written_into_another_place_even_by_raw_sql() throws SQLException {
        PlaceRef atelier = places.bySlug(ATELIER).orElseThrow();
        PlaceRef filature = places.bySlug(FILATURE).orElseThrow();
        long before = superuserCount("select count(*) from resource where tenant_id = '" + filature.id() + "'");
        Throwable refused = org.assertj.core.api.Assertions.catchThrowable(() -> scope.run(
                atelier,
                () -> QuarkusTransaction.requiringNew()
                        .run(() -> Panache.getEntityManager()
                                .createNativeQuery(
                                        "insert into resource (tenant_id, id, kind, name, capacity, booking_mode, status, created_at) "
                                                + "values (cast(:other as uuid), cast(:id as uuid), 'DESK', 'Smuggled', 1, 'EXCLUSIVE', 'ACTIVE', now())")
                                .setParameter("other", filature.id().toString())
                                .setParameter("id", UUID.randomUUID().toString())
                                .executeUpdate())));
        assertThat(refused).hasStackTraceContaining("row-level security");
        assertThat(superuserCount("select count(*) from resource where tenant_id = '" + filature.id() + "'"))
                .isEqualTo(before);
    }

    @Test
    void the_application_role_owns_nothing_and_cannot_bypass_row_level_security() throws SQLException {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            assertThat(count(
                            s,
                            "select count(*) from pg_tables where schemaname = 'public' and tableowner = current_user"))
                    .isZero();
            assertThat(
                            count(
                                    s,
                                    "select count(*) from pg_roles where rolname = current_user and (rolbypassrls or rolsuper)"))
                    .isZero();
            // every table a place owns (it has a tenant_id) is under forced row-level security: a new table
            // that forgets it fails here
            assertThat(count(
                            s,
                            "select count(*) from information_schema.columns c join pg_class t on t.relname = c.table_name"
                                    + " where c.table_schema = 'public' and c.column_name = 'tenant_id'"
                                    + " and t.relkind = 'r'"))
                    .isGreaterThanOrEqualTo(9);
            assertThat(count(
                            s,
                            "select count(*) from information_schema.columns c join pg_class t on t.relname = c.table_name"
                                    + " where c.table_schema = 'public' and c.column_name = 'tenant_id' and t.relkind = 'r'"
                                    + " and not (t.relrowsecurity and t.relforcerowsecurity)"))
                    .isZero();
        }
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    private static long superuserCount(String sql) throws SQLException {
        try (Connection c = TestDatabase.superuser();
                Statement s = c.createStatement()) {
            return count(s, sql);
        }
    }
}
