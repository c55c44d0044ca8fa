package org.tierslieux.server.nodes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tierslieux.server.nodes.Cluster.expect;
import static org.tierslieux.server.nodes.Cluster.statuses;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.tierslieux.server.mollie.MollieSimulator;

/**
 * Crashes (issue 8, item 4): the packaged application is killed with SIGKILL (no shutdown, no rollback sent)
 * during a renewal run over many subscriptions, during the confirmation of a payment (Mollie's webhook held while
 * the application asks Mollie about the payment), and between the creation of a payment at Mollie and the answer
 * to the member; each time it is started again, the work is done again, and the {@link Invariants} hold: nothing
 * twice, nothing lost. Mollie is the local server behind a {@link StallingProxy}. Prints {@code CRASH ...} lines.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrashIT {

    private static final String PLACE = "panne";
    private static final int SUBSCRIPTIONS = Integer.getInteger("tl.crash.subscriptions", 1200);

    private MollieSimulator mollie;
    private StallingProxy proxy;
    private Cluster cluster;
    private String key;
    private String member;
    private String pass;
    private int restarts;

    @BeforeAll
    void oneNode() throws Exception {
        mollie = MollieSimulator.start();
        key = MollieSimulator.newKey();
        mollie.registerKey(key);
        proxy = StallingProxy.start(mollie.baseUrl());
        cluster = Cluster.start(
                "crash",
                "admin@crash.test",
                List.of("node-1"),
                Map.of(
                        "TL_MOLLIE_BASE_URL", proxy.baseUrl(),
                        "TL_PUBLIC_URL", "http://127.0.0.1:1",
                        // only the runs asked for here
                        "TL_PLANS_RENEWAL_DELAY", "1h"));
        cluster.place(PLACE, key);
        member = cluster.member(cluster.node(0), PLACE, "member@crash.test");
        pass = cluster.dayPass(PLACE, "20");
    }

    @AfterAll
    void stop() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
        if (proxy != null) {
            proxy.close();
        }
        if (mollie != null) {
            mollie.close();
        }
    }

    @Test
    @Order(1)
    void killed_during_a_renewal_run_it_renews_each_subscription_once_after_the_restart() throws Exception {
        seedDueSubscriptions(SUBSCRIPTIONS);
        Invariants invariants = cluster.invariants();
        AppNode node = cluster.node(0);
        long started = System.nanoTime();
        CompletableFuture<HttpResponse<String>> run = CompletableFuture.supplyAsync(() -> {
            try {
                return cluster.send(node, "POST", api("/subscriptions/renewals"), cluster.adminAuthorization(), null);
            } catch (Exception killed) {
                return null;
            }
        });
        int before = 0;
        while (before < SUBSCRIPTIONS / 4) {
            assertThat(run).as("the run ended before the kill").isNotDone();
            Thread.sleep(100);
            before = renewals(invariants);
        }
        node.kill();
        long killedAfter = (System.nanoTime() - started) / 1_000_000;
        int atKill = renewals(invariants);
        assertThat(run.get()).as("the answer of a killed node").isNull();
        assertThat(atKill).isLessThan(SUBSCRIPTIONS);
        // what was committed stays; what was in flight is gone, nothing half done
        invariants.assertAll();

        AppNode again = restart(node);
        long rerun = System.nanoTime();
        JsonNode outcome = expect(
                200, cluster.send(again, "POST", api("/subscriptions/renewals"), cluster.adminAuthorization(), null));
        long rerunMillis = (System.nanoTime() - rerun) / 1_000_000;
        JsonNode third = expect(
                200, cluster.send(again, "POST", api("/subscriptions/renewals"), cluster.adminAuthorization(), null));

        assertThat(renewals(invariants)).isEqualTo(SUBSCRIPTIONS);
        assertThat(outcome.get("renewed").asInt()).isEqualTo(SUBSCRIPTIONS - atKill);
        assertThat(third.get("renewed").asInt()).isZero();
        assertThat(invariants.count("select count(*) from subscription s join place p on p.id = s.tenant_id"
                        + " where p.slug = '" + PLACE + "' and s.period_end <= now() and s.status = 'ACTIVE'"))
                .as("still due")
                .isZero();
        assertThat(invariants.rows("select s.id, count(sp.id) from subscription s join subscription_period sp"
                        + " on sp.tenant_id = s.tenant_id and sp.subscription_id = s.id and sp.kind = 'RENEWAL'"
                        + " group by s.id having count(sp.id) <> 1"))
                .as("subscriptions not renewed exactly once")
                .isEmpty();
        assertThat(invariants.count("select count(*) from sale_order o join subscription_period sp"
                        + " on sp.tenant_id = o.tenant_id and sp.quote_id = o.quote_id where sp.kind = 'RENEWAL'"))
                .as("one order per renewal period")
                .isEqualTo(SUBSCRIPTIONS);
        Map<String, Integer> checked = invariants.assertAll();
        System.out.printf(
                "CRASH renewal subscriptions=%d killedAfterMs=%d renewedBeforeKill=%d rerunRenewed=%d rerunMs=%d"
                        + " thirdRun=%d invariantsOver=%s%n",
                SUBSCRIPTIONS,
                killedAfter,
                atKill,
                outcome.get("renewed").asInt(),
                rerunMillis,
                third.get("renewed").asInt(),
                checked);
    }

    @Test
    @Order(2)
    void killed_while_confirming_a_payment_the_replayed_webhook_records_one_payment_and_one_invoice() throws Exception {
        AppNode node = cluster.node(0);
        String order = cluster.buy(node, PLACE, member, pass);
        String payment = checkout(node, order);
        mollie.complete(payment, "paid");
        // Mollie calls: the application takes the payment's row and asks Mollie about it; killed while it waits
        proxy.hold("GET", "/v2/payments/" + payment, false);
        CompletableFuture<HttpResponse<String>> delivery = deliverAsync(node, payment);
        assertThat(proxy.awaitHeld(Duration.ofSeconds(60)))
                .as("the webhook reached Mollie")
                .isTrue();
        node.kill();
        proxy.release();
        assertThat(delivery.get()).as("the answer of a killed node").isNull();
        assertThat(paidPayments(order)).isZero();

        AppNode again = restart(node);
        JsonNode before = expect(200, cluster.send(again, "GET", api("/orders/" + order), member, null));
        assertThat(before.get("status").asText()).isEqualTo("PENDING");
        // Mollie retries (several at once, as it does when a call failed)
        List<HttpResponse<String>> replays = new ArrayList<>();
        List<CompletableFuture<HttpResponse<String>>> pending = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            pending.add(deliverAsync(again, payment));
        }
        for (CompletableFuture<HttpResponse<String>> p : pending) {
            replays.add(p.get());
        }
        assertThat(statuses(replays)).containsOnlyKeys(200);
        assertOnePaymentOneInvoice(again, order, payment);
        Map<String, Integer> checked = cluster.invariants().assertAll();
        System.out.printf(
                "CRASH webhook payment=%s replays=%s invariantsOver=%s%n", payment, statuses(replays), checked);
    }

    @Test
    @Order(3)
    void killed_between_the_payment_made_at_mollie_and_the_answer_the_member_pays_once() throws Exception {
        AppNode node = cluster.node(0);
        String order = cluster.buy(node, PLACE, member, pass);
        int atMollie = mollie.paymentsOf(key).size();
        // Mollie made the payment; the application is killed before it hears so
        proxy.hold("POST", "/v2/payments", true);
        CompletableFuture<HttpResponse<String>> started = CompletableFuture.supplyAsync(() -> {
            try {
                return cluster.send(node, "POST", api("/orders/" + order + "/checkout"), member, Map.of());
            } catch (Exception killed) {
                return null;
            }
        });
        assertThat(proxy.awaitHeld(Duration.ofSeconds(60)))
                .as("the payment reached Mollie")
                .isTrue();
        node.kill();
        proxy.release();
        assertThat(started.get()).isNull();
        List<String> made = mollie.paymentsOf(key);
        assertThat(made).hasSize(atMollie + 1);
        String orphan = made.getLast();

        AppNode again = restart(node);
        JsonNode before = expect(200, cluster.send(again, "GET", api("/orders/" + order), member, null));
        assertThat(before.get("status").asText()).isEqualTo("PENDING");
        assertThat(before.get("payments"))
                .as("the payment the member never saw")
                .isEmpty();
        // the member tries again: a new payment, paid, its webhook (twice)
        String payment = checkout(again, order);
        assertThat(payment).isNotEqualTo(orphan);
        mollie.complete(payment, "paid");
        assertThat(deliverAsync(again, payment).get().statusCode()).isEqualTo(200);
        assertThat(deliverAsync(again, payment).get().statusCode()).isEqualTo(200);
        // the orphan was never shown to anybody: unknown here, it changes nothing
        assertThat(deliverAsync(again, orphan).get().statusCode()).isEqualTo(404);
        assertOnePaymentOneInvoice(again, order, payment);
        Map<String, Integer> checked = cluster.invariants().assertAll();
        System.out.printf(
                "CRASH checkout order=%s orphanAtMollie=%s paidWith=%s restarts=%d invariantsOver=%s%n",
                order, orphan, payment, restarts, checked);
    }

    // --- helpers

    private AppNode restart(AppNode killed) throws Exception {
        restarts++;
        return cluster.replace(killed, "node-" + (restarts + 1));
    }

    private String checkout(AppNode node, String order) throws Exception {
        return expect(201, cluster.send(node, "POST", api("/orders/" + order + "/checkout"), member, Map.of()))
                .get("providerId")
                .asText();
    }

    private CompletableFuture<HttpResponse<String>> deliverAsync(AppNode node, String payment) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return cluster.webhook(node, PLACE, payment);
            } catch (Exception killed) {
                return null;
            }
        });
    }

    private void assertOnePaymentOneInvoice(AppNode node, String order, String payment) throws Exception {
        JsonNode paid = expect(200, cluster.send(node, "GET", api("/orders/" + order), member, null));
        assertThat(paid.get("status").asText()).isEqualTo("PAID");
        assertThat(paidPayments(order)).isEqualTo(1);
        assertThat(cluster.invariants().count("select count(*) from payment where provider_id = '" + payment + "'"))
                .isEqualTo(1);
        assertThat(cluster.invariants()
                        .count("select count(*) from document where order_id = '" + order + "' and type = 'INVOICE'"))
                .isEqualTo(1);
        assertThat(cluster.invariants()
                        .count("select count(*) from credit_entry where source = 'PACK' and type = 'GRANT'"
                                + " and source_id = (select subject_id from sale_order where id = '" + order + "')"))
                .as("the pass granted once")
                .isEqualTo(1);
    }

    private int paidPayments(String order) throws Exception {
        return cluster.invariants()
                .count("select count(*) from payment where order_id = '" + order + "' and status = 'PAID'");
    }

    private int renewals(Invariants invariants) throws Exception {
        return invariants.count("select count(*) from subscription_period sp join place p on p.id = sp.tenant_id"
                + " where p.slug = '" + PLACE + "' and sp.kind = 'RENEWAL'");
    }

    /** {@code n} members with a monthly subscription due now: deploy/bench/renewal-subscriptions.sql, as is. */
    private void seedDueSubscriptions(int n) throws Exception {
        String script = Files.readString(Path.of("bench", "renewal-subscriptions.sql"), StandardCharsets.UTF_8)
                .replace(":'slug'", "'" + PLACE + "'")
                .replace(":n", Integer.toString(n))
                .replaceAll("(?m)^\\\\set .*$", "")
                .replaceAll("(?m)^--.*$", "")
                .replaceAll("(?m)^(begin|commit);$", "");
        try (Connection c = cluster.database.superuserConnection();
                Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            for (String statement : script.split(";\\s*\\n")) {
                if (!statement.isBlank()) {
                    s.execute(statement);
                }
            }
            c.commit();
        }
    }

    private static String api(String path) {
        return "/api/v1/places/" + PLACE + path;
    }
}
