package org.tierslieux.server.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tierslieux.server.testsupport.Demo.ADMIN;
import static org.tierslieux.server.testsupport.Demo.ATELIER;
import static org.tierslieux.server.testsupport.Demo.MANAGER;
import static org.tierslieux.server.testsupport.Demo.as;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Racing clients get a clean answer each (never a 500), and the database keeps one row, not two. */
@QuarkusTest
class ConcurrentWritesTest {

    private static List<Integer> race(int clients, Callable<Integer> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                answers.add(pool.submit(request));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void twelve_admins_creating_the_same_place_make_one_place_and_eleven_conflicts() throws Exception {
        var body = org.tierslieux.server.testsupport.Demo.aPlace("la-course", "La Course");
        List<Integer> statuses = race(
                12, () -> as(ADMIN).body(body).post("/api/v1/network/places").statusCode());
        assertThat(statuses).containsOnly(201, 409);
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        List<String> slugs =
                as(ADMIN).get("/api/v1/network/places").then().extract().path("slug");
        assertThat(slugs).filteredOn("la-course"::equals).hasSize(1);
    }

    @Test
    void granting_the_same_role_from_many_clients_at_once_leaves_one_membership() throws Exception {
        as(ADMIN)
                .body(Map.of("email", "racer@example.org", "displayName", "Racer", "password", "un-long-mot-de-passe"))
                .post("/api/v1/network/people")
                .then()
                .statusCode(201);
        List<Integer> statuses = race(
                12,
                () -> as(MANAGER)
                        .body(Map.of("email", "racer@example.org", "roles", List.of("MEMBER")))
                        .post("/api/v1/places/" + ATELIER + "/members")
                        .statusCode());
        // granting is idempotent: a client that loses the race gets 409 or, once the grant is there, 200
        assertThat(statuses).allMatch(s -> s == 200 || s == 409, "200 or 409").contains(200);
        List<String> roles = as(MANAGER)
                .get("/api/v1/places/" + ATELIER + "/members?size=200")
                .then()
                .extract()
                .path("items.find { it.email == 'racer@example.org' }.roles");
        assertThat(roles).containsExactly("MEMBER");
    }
}
