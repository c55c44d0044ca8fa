package org.tierslieux.core.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.IntRange;
import org.tierslieux.core.kernel.Money;
import org.tierslieux.core.people.PersonId;

/** Properties of quotes: whatever the prices, quantities, VAT rates and VAT mode, the arithmetic holds. */
class QuotePropertiesTest {

    static final Currency EUR = Currency.getInstance("EUR");

    record LineInput(BigDecimal quantity, BigDecimal unitPrice, VatRate vat, boolean covered) {}

    @Provide
    Arbitrary<LineInput> lines() {
        return Combinators.combine(
                        Arbitraries.bigDecimals()
                                .between(new BigDecimal("0.25"), new BigDecimal("500"))
                                .ofScale(2),
                        Arbitraries.bigDecimals()
                                .between(new BigDecimal("0.01"), new BigDecimal("99999.9999"))
                                .ofScale(4),
                        Arbitraries.of(VatRate.all()),
                        Arbitraries.of(false, false, false, true))
                .as(LineInput::new);
    }

    private static Quote build(List<LineInput> inputs, boolean includesVat) {
        QuoteBuilder b = new QuoteBuilder(
                EUR,
                includesVat,
                QuoteSubject.preview(QuoteSubject.BOOKING),
                new BillTo(new PersonId(UUID.randomUUID()), null, "Mina"));
        for (LineInput l : inputs) {
            if (l.covered()) {
                b.covered(
                        "covered", l.quantity(), Unit.DAY, l.vat(), new Coverage(UUID.randomUUID(), "PACK", "Carnet"));
            } else {
                b.line("charged", l.quantity(), Unit.HOUR, new Money(l.unitPrice(), EUR), l.vat());
            }
        }
        return b.build();
    }

    @Property
    void a_quotes_lines_add_up_to_its_totals_per_rate_and_overall(
            @ForAll("linesLists") List<LineInput> inputs, @ForAll boolean includesVat) {
        Quote quote = build(inputs, includesVat);

        Money zero = Money.zero(EUR);
        Money excl = zero, vat = zero, incl = zero, charged = zero;
        Map<VatRate, Money> byRate = new HashMap<>();
        for (QuoteLine line : quote.lines()) {
            assertThat(line.totalExclVat().plus(line.totalVat())).isEqualTo(line.totalInclVat());
            assertThat(line.totalInclVat().amount().scale()).isLessThanOrEqualTo(2);
            excl = excl.plus(line.totalExclVat());
            vat = vat.plus(line.totalVat());
            incl = incl.plus(line.totalInclVat());
            if (!line.covered()) {
                charged = charged.plus(line.totalInclVat());
            } else {
                assertThat(line.totalInclVat().isZero()).isTrue();
            }
            byRate.merge(line.vat(), line.totalVat(), Money::plus);
        }
        assertThat(quote.totalExclVat()).isEqualTo(excl);
        assertThat(quote.totalVat()).isEqualTo(vat);
        assertThat(quote.totalInclVat()).isEqualTo(incl);
        assertThat(quote.charged()).isEqualTo(charged);
        assertThat(quote.totalExclVat().plus(quote.totalVat())).isEqualTo(quote.totalInclVat());
        Money sumOfRates = quote.vatByRate().values().stream().reduce(zero, Money::plus);
        assertThat(sumOfRates).isEqualTo(quote.totalVat());
        quote.vatByRate().forEach((rate, amount) -> assertThat(amount).isEqualTo(byRate.get(rate)));
    }

    @Provide
    Arbitrary<List<LineInput>> linesLists() {
        return lines().list().ofMinSize(0).ofMaxSize(12);
    }

    @Property
    void a_price_entered_vat_included_is_exactly_what_the_member_pays(@ForAll("lines") LineInput l) {
        QuoteLine line =
                QuoteBuilder.priced("x", l.quantity(), Unit.HOUR, new Money(l.unitPrice(), EUR), l.vat(), true, null);
        assertThat(line.totalInclVat()).isEqualTo(new Money(l.unitPrice().multiply(l.quantity()), EUR).rounded());
        if (l.vat().exempt()) {
            assertThat(line.totalVat().isZero()).isTrue();
        }
    }

    @Property
    void vat_included_and_excluded_round_trip_within_a_cent_per_line(
            @ForAll @BigRange(min = "0.01", max = "99999.99") BigDecimal unitInclVat,
            @ForAll @IntRange(min = 1, max = 100) int quantity,
            @ForAll("rates") VatRate vat) {
        BigDecimal q = BigDecimal.valueOf(quantity);
        Money price = new Money(unitInclVat.setScale(2, java.math.RoundingMode.HALF_UP), EUR);
        QuoteLine entered = QuoteBuilder.priced("x", q, Unit.DAY, price, vat, true, null);
        // the same price entered VAT excluded, as the line shows it (four decimals), gives back the total paid
        QuoteLine back = QuoteBuilder.priced("x", q, Unit.DAY, entered.unitPriceExclVat(), vat, false, null);
        BigDecimal difference =
                back.totalInclVat().minus(entered.totalInclVat()).amount().abs();
        assertThat(difference).isLessThanOrEqualTo(new BigDecimal("0.01"));
        assertThat(back.totalExclVat().minus(entered.totalExclVat()).amount().abs())
                .isLessThanOrEqualTo(new BigDecimal("0.01"));
    }

    @Provide
    Arbitrary<VatRate> rates() {
        return Arbitraries.of(VatRate.all());
    }

    @Property
    void a_line_excluding_vat_adds_the_rate_to_the_rounded_total(@ForAll("lines") LineInput l) {
        QuoteLine line =
                QuoteBuilder.priced("x", l.quantity(), Unit.HOUR, new Money(l.unitPrice(), EUR), l.vat(), false, null);
        Money excl = new Money(l.unitPrice().multiply(l.quantity()), EUR).rounded();
        assertThat(line.totalExclVat()).isEqualTo(excl);
        assertThat(line.totalVat()).isEqualTo(excl.times(l.vat().fraction()).rounded());
    }

    static List<LineInput> copy(List<LineInput> in) {
        return new ArrayList<>(in);
    }
}
