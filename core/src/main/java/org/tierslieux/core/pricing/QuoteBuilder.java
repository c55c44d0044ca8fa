package org.tierslieux.core.pricing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.tierslieux.core.kernel.Money;
import org.tierslieux.core.place.PlaceRef;

/**
 * Builds the lines of a quote with VAT the one right way, whatever sells (bookings, plans, packs).
 *
 * <p>Prices are entered as the place chose ({@code pricesIncludeVat}). Entered VAT included, the member pays
 * exactly {@code unit x quantity} rounded to the cent, and the VAT is taken out of that total; entered VAT
 * excluded, the VAT is added to the rounded total excluding VAT. Either way each amount is rounded once per
 * line through {@link Money#rounded()}, and {@code excl + vat == incl} on every line, so that the lines add up
 * to the quote's totals per rate and overall. An exempt rate adds no VAT (the legal mention is the place's).
 * Negative quantities are allowed for credit lines (the unused part of a plan being changed).
 */
public final class QuoteBuilder {

    private static final int WORK_SCALE = 10;

    private final Currency currency;
    private final boolean pricesIncludeVat;
    private final QuoteSubject subject;
    private final BillTo billTo;
    private final List<QuoteLine> lines = new ArrayList<>();

    public QuoteBuilder(PlaceRef place, boolean pricesIncludeVat, QuoteSubject subject, BillTo billTo) {
        this(place.currency(), pricesIncludeVat, subject, billTo);
    }

    public QuoteBuilder(Currency currency, boolean pricesIncludeVat, QuoteSubject subject, BillTo billTo) {
        this.currency = Objects.requireNonNull(currency, "currency");
        this.pricesIncludeVat = pricesIncludeVat;
        this.subject = Objects.requireNonNull(subject, "subject");
        this.billTo = Objects.requireNonNull(billTo, "billTo");
    }

    public boolean pricesIncludeVat() {
        return pricesIncludeVat;
    }

    /**
     * A charged line. {@code unitPrice} is the price as the place enters it (VAT included or not, by the
     * place's mode).
     */
    public QuoteBuilder line(String description, BigDecimal quantity, Unit unit, Money unitPrice, VatRate vat) {
        lines.add(priced(description, quantity, unit, unitPrice, vat, pricesIncludeVat, null));
        return this;
    }

    /** A line paid by a credit lot: it shows what is used and costs nothing. */
    public QuoteBuilder covered(String description, BigDecimal quantity, Unit unit, VatRate vat, Coverage coverage) {
        Objects.requireNonNull(coverage, "coverage");
        Money zero = Money.zero(currency).rounded();
        lines.add(new QuoteLine(description, quantity, unit, zero, vat, zero, zero, zero, coverage));
        return this;
    }

    /** A line computed elsewhere (an extension's contribution); its totals must add up. */
    public QuoteBuilder add(QuoteLine line) {
        lines.add(Objects.requireNonNull(line, "line"));
        return this;
    }

    public List<QuoteLine> lines() {
        return List.copyOf(lines);
    }

    public Quote build() {
        Money zero = Money.zero(currency).rounded();
        Money excl = zero;
        Money vat = zero;
        Money incl = zero;
        Money charged = zero;
        Map<VatRate, Money> byRate = new LinkedHashMap<>();
        for (QuoteLine line : lines) {
            excl = excl.plus(line.totalExclVat());
            vat = vat.plus(line.totalVat());
            incl = incl.plus(line.totalInclVat());
            if (!line.covered()) {
                charged = charged.plus(line.totalInclVat());
            }
            if (!line.totalExclVat().isZero() || !line.totalVat().isZero()) {
                byRate.merge(line.vat(), line.totalVat(), Money::plus);
            }
        }
        return new Quote(subject, lines, byRate, excl, vat, incl, charged, billTo);
    }

    /** One priced line, by either VAT mode: the arithmetic every quote goes through. */
    static QuoteLine priced(
            String description,
            BigDecimal quantity,
            Unit unit,
            Money unitPrice,
            VatRate vat,
            boolean includesVat,
            Coverage coverage) {
        BigDecimal factor = BigDecimal.ONE.add(vat.fraction());
        Money total = unitPrice.times(quantity).rounded();
        Money excl;
        Money tax;
        Money incl;
        Money unitExcl;
        if (includesVat) {
            incl = total;
            excl = new Money(incl.amount().divide(factor, WORK_SCALE, RoundingMode.HALF_UP), unitPrice.currency())
                    .rounded();
            tax = incl.minus(excl);
            unitExcl = new Money(
                    unitPrice.amount().divide(factor, WORK_SCALE, RoundingMode.HALF_UP), unitPrice.currency());
        } else {
            excl = total;
            tax = excl.times(vat.fraction()).rounded();
            incl = excl.plus(tax);
            unitExcl = unitPrice;
        }
        return new QuoteLine(description, quantity, unit, unitExcl, vat, excl, tax, incl, coverage);
    }
}
