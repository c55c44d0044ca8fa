package org.tierslieux.server.billing.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tierslieux.billing.invoice.IssuedDocument;
import org.tierslieux.server.testsupport.Demo;

/**
 * The database is the last word on legal records: the application's own role cannot update or delete an issued
 * document, its lines or VAT; and a row changed behind the triggers' back (as a superuser could) is found by
 * the chain verification, which names the first broken link, and blocks any closing.
 */
@QuarkusTest
class ImmutabilityTest {

    @Inject
    LedgerDriver driver;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void the_application_role_cannot_update_or_delete_an_issued_document() throws SQLException {
        String slug = Ledger.aPlace();
        IssuedDocument invoice = driver.invoice(slug, Ledger.personId(Demo.MEMBER), "100.00");
        UUID place = invoice.place().value();
        UUID id = invoice.id().value();
        for (String sql : List.of(
                "update document set total_incl_vat = 0 where id = ?",
                "delete from document_vat where document_id = ?",
                "update document_line set description = 'autre chose' where document_id = ?",
                "delete from document_line where document_id = ?",
                "update document set number = 'FA-X' where id = ?",
                "delete from document where id = ?")) {
            try (Connection c = dataSource.getConnection()) {
                assertThat(c.getMetaData().getUserName()).isNotEqualTo("postgres");
                try (PreparedStatement set = c.prepareStatement("select set_config('app.place_id', ?, false)")) {
                    set.setString(1, place.toString());
                    set.execute();
                }
                try (PreparedStatement s = c.prepareStatement(sql)) {
                    s.setObject(1, id);
                    assertThatThrownBy(s::executeUpdate)
                            .as(sql)
                            .isInstanceOf(SQLException.class)
                            .satisfies(e -> {
                                assertThat(((SQLException) e).getSQLState()).isEqualTo("P0001");
                                assertThat(e.getMessage()).contains("tl:legal-record-immutable");
                            });
                }
            }
        }
        assertThat(Ledger.count("select count(*) from document where id = ? and total_incl_vat > 0", id))
                .isEqualTo(1);
        Ledger.as(Demo.TREASURER)
                .get(Ledger.api(slug) + "/invoices/verification")
                .then()
                .statusCode(200)
                .body("valid", is(true))
                .body("checked", is(1));
    }

    @Test
    void a_row_changed_behind_the_triggers_back_is_reported_as_the_first_broken_link() {
        String slug = Ledger.aPlace();
        UUID member = Ledger.personId(Demo.MEMBER);
        IssuedDocument first = driver.invoice(slug, member, "100.00");
        IssuedDocument second = driver.invoice(slug, member, "200.00");
        IssuedDocument third = driver.invoice(slug, member, "300.00");
        assertThat(third.previousFootprint()).isEqualTo(second.footprint());
        assertThat(second.previousFootprint()).isEqualTo(first.footprint());
        try {
            Ledger.superuser(
                    "alter table document disable trigger document_immutable",
                    "update document set total_incl_vat = total_incl_vat + 1 where id = '" + second.id() + "'");
        } finally {
            Ledger.superuser("alter table document enable trigger document_immutable");
        }
        Ledger.as(Demo.TREASURER)
                .get(Ledger.api(slug) + "/invoices/verification")
                .then()
                .statusCode(200)
                .body("valid", is(false))
                .body("checked", is(1))
                .body("firstBroken.number", is(second.number()))
                .body("firstBroken.id", is(second.id().toString()))
                .body("firstBroken.reason", is("footprint-mismatch"));

        // a treasurer cannot seal a period over a broken chain
        Ledger.as(Demo.TREASURER)
                .body(Map.of("kind", "YEAR", "period", "2020"))
                .post(Ledger.api(slug) + "/closings")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("code", is("closing.chain-broken"));
    }

    @Test
    void a_removed_document_breaks_the_link_of_the_next_one() {
        String slug = Ledger.aPlace();
        UUID member = Ledger.personId(Demo.MEMBER);
        driver.invoice(slug, member, "100.00");
        IssuedDocument second = driver.invoice(slug, member, "200.00");
        IssuedDocument third = driver.invoice(slug, member, "300.00");
        try {
            Ledger.superuser(
                    "alter table document disable trigger document_immutable",
                    "alter table document_line disable trigger document_line_immutable",
                    "alter table document_vat disable trigger document_vat_immutable",
                    "delete from document_vat where document_id = '" + second.id() + "'",
                    "delete from document_line where document_id = '" + second.id() + "'",
                    "delete from document where id = '" + second.id() + "'");
        } finally {
            Ledger.superuser(
                    "alter table document enable trigger document_immutable",
                    "alter table document_line enable trigger document_line_immutable",
                    "alter table document_vat enable trigger document_vat_immutable");
        }
        Ledger.as(Demo.TREASURER)
                .get(Ledger.api(slug) + "/invoices/verification")
                .then()
                .statusCode(200)
                .body("valid", is(false))
                .body("checked", is(1))
                .body("firstBroken.number", is(third.number()))
                .body("firstBroken.reason", is("link-broken"));
    }

    @Test
    void the_verification_is_for_treasurers_and_an_empty_chain_is_valid() {
        String slug = Ledger.aPlace();
        Ledger.as(Demo.TREASURER)
                .get(Ledger.api(slug) + "/invoices/verification")
                .then()
                .statusCode(200)
                .body("valid", is(true))
                .body("checked", is(0))
                .body("firstBroken", nullValue());
        Ledger.as(Demo.MEMBER)
                .get(Ledger.api(slug) + "/invoices/verification")
                .then()
                .statusCode(403);
    }
}
