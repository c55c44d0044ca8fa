package org.tierslieux.server.billing.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.tierslieux.billing.invoice.Invoicing;
import org.tierslieux.billing.invoice.IssuedDocument;
import org.tierslieux.server.testsupport.Demo;

/**
 * Numbers are taken in the transaction that inserts the document: 200 issuers at once get 1..200 with no gap
 * and no duplicate, a rolled-back issue gives its number back, and the chain links all of them.
 */
@QuarkusTest
class NumberingTest {

    private static final int DOCUMENTS = 200;
    private static final int THREADS = 16;

    @Inject
    LedgerDriver driver;

    @Inject
    Invoicing invoicing;

    @Test
    void two_hundred_parallel_issues_find_numbers_1_to_200_without_gap_or_duplicate() throws Exception {
        String slug = Ledger.aPlace();
        UUID member = Ledger.personId(Demo.MEMBER);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<IssuedDocument>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < DOCUMENTS; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return driver.invoice(slug, member, "100.00");
                }));
            }
            start.countDown();
            List<IssuedDocument> issued = new ArrayList<>();
            for (Future<IssuedDocument> f : futures) {
                issued.add(f.get());
            }
            Set<Long> sequences =
                    issued.stream().map(IssuedDocument::sequence).collect(Collectors.toCollection(TreeSet::new));
            assertThat(sequences)
                    .containsExactlyElementsOf(
                            LongStream.rangeClosed(1, DOCUMENTS).boxed().toList());
            String year =
                    Integer.toString(LocalDate.now(ZoneId.of("Europe/Paris")).getYear());
            assertThat(issued.stream().map(IssuedDocument::number).collect(Collectors.toSet()))
                    .hasSize(DOCUMENTS)
                    .allMatch(n -> n.matches("FA-" + year + "-\\d{5}"))
                    .contains("FA-" + year + "-00001", "FA-" + year + "-00200");
            assertThat(Ledger.count(
                            "select count(*) from document d join place p on p.id = d.tenant_id where p.slug = ?",
                            slug))
                    .isEqualTo(DOCUMENTS);
        } finally {
            pool.shutdownNow();
        }
        Ledger.as(Demo.TREASURER)
                .get(Ledger.api(slug) + "/invoices/verification")
                .then()
                .statusCode(200)
                .body("valid", org.hamcrest.Matchers.is(true))
                .body("checked", org.hamcrest.Matchers.is(DOCUMENTS))
                .body("firstBroken", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void a_rolled_back_issue_gives_its_number_back() {
        String slug = Ledger.aPlace();
        UUID member = Ledger.personId(Demo.MEMBER);
        IssuedDocument first = driver.invoice(slug, member, "50.00");
        assertThatThrownBy(() -> driver.in(slug, () -> {
                    invoicing.issue(LedgerDriver.draft(member, LedgerDriver.person(), "60.00", null));
                    throw new IllegalStateException("the payment failed after the invoice");
                }))
                .isInstanceOf(IllegalStateException.class);
        IssuedDocument second = driver.invoice(slug, member, "70.00");
        assertThat(first.sequence()).isEqualTo(1);
        assertThat(second.sequence()).isEqualTo(2);
        assertThat(second.previousFootprint()).isEqualTo(first.footprint());
    }

    @Test
    void patterns_of_the_settings_number_the_next_documents() {
        String slug = Ledger.aPlace();
        UUID member = Ledger.personId(Demo.MEMBER);
        driver.invoice(slug, member, "10.00");
        Ledger.as(Demo.TREASURER)
                .body(java.util.Map.of("invoicePattern", "F{YY}{MM}-{seq:3}", "creditNotePattern", "A{YY}-{seq}"))
                .put(Ledger.api(slug) + "/invoice-settings")
                .then()
                .statusCode(200)
                .body("invoicePattern", org.hamcrest.Matchers.is("F{YY}{MM}-{seq:3}"));
        IssuedDocument second = driver.invoice(slug, member, "10.00");
        LocalDate today = second.issueDate();
        assertThat(second.number())
                .isEqualTo(String.format("F%02d%02d-002", today.getYear() % 100, today.getMonthValue()));
        IssuedDocument note = driver.creditNote(slug, second.id(), List.of());
        assertThat(note.number()).isEqualTo(String.format("A%02d-1", today.getYear() % 100));
        for (String bad : List.of("FA-{YYYY}", "FA-{seq}-{seq}", "FA-{DD}-{seq}", "FA-<{seq}>", "A{YY}-{seq:2}")) {
            Ledger.as(Demo.TREASURER)
                    .body(java.util.Map.of("invoicePattern", bad))
                    .put(Ledger.api(slug) + "/invoice-settings")
                    .then()
                    .statusCode(422)
                    .contentType("application/problem+json");
        }
    }
}
