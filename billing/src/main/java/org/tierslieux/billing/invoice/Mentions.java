package org.tierslieux.billing.invoice;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.tierslieux.core.place.LegalIdentity;

/**
 * The legal mentions a document prints besides its parties, numbers, dates, lines and totals (which have their
 * own fields), in French, the language of the documents:
 *
 * <ul>
 *   <li>the nature of the operation (services, goods or both; mandatory on invoices from 2026-27);
 *   <li>"Option pour le paiement de la taxe d'après les débits" when the place opted for it and invoices
 *       services with VAT (CGI art. 242 nonies A, 13°);
 *   <li>for a business buyer (a company or an association with a SIREN): the late-penalty rate, the 40 €
 *       fixed recovery fee and the absence of early-payment discount (code de commerce L441-9, D441-5);
 *   <li>the delivery address when it differs from the buyer's.
 * </ul>
 *
 * The VAT exemption mention ("TVA non applicable, art. 293 B du CGI" ...) is a field of its own.
 */
final class Mentions {

    /** Printed on a VAT-registered seller's exempt lines when the place states no mention of its own. */
    static final String EXEMPT_LINES = "Exonération de TVA, art. 261 du CGI";

    private Mentions() {}

    static String nature(String operationNature) {
        return switch (operationNature) {
            case "GOODS" -> "Nature de l'opération : livraison de biens";
            case "MIXED" -> "Nature de l'opération : livraison de biens et prestation de services";
            default -> "Nature de l'opération : prestation de services";
        };
    }

    static List<String> of(
            InvoiceSettings settings, Party buyer, boolean vatCharged, boolean deliveryDiffers, String currency) {
        List<String> mentions = new ArrayList<>();
        mentions.add(nature(settings.operationNature()));
        if (vatOnDebits(settings, vatCharged)) {
            mentions.add("Option pour le paiement de la taxe d'après les débits");
        }
        if (buyer.business()) {
            mentions.add("En cas de retard de paiement, pénalités exigibles au taux de "
                    + settings.latePenaltyRate().strip() + " (art. L441-10 du code de commerce)");
            mentions.add("Indemnité forfaitaire pour frais de recouvrement en cas de retard de paiement : "
                    + amount(settings.recoveryFee()) + " " + symbol(currency) + " (art. D441-5 du code de commerce)");
            mentions.add("Pas d'escompte pour paiement anticipé");
        }
        if (deliveryDiffers) {
            mentions.add("Adresse de livraison distincte de l'adresse de facturation");
        }
        return List.copyOf(mentions);
    }

    static boolean vatOnDebits(InvoiceSettings settings, boolean vatCharged) {
        return settings.vatOnDebits() && vatCharged && !"GOODS".equals(settings.operationNature());
    }

    /** The exemption mention of a document: the place's when it charges no VAT, a default for exempt lines. */
    static String exemption(LegalIdentity legal, boolean anyExemptLine) {
        if (legal != null && legal.vatExemptionMention() != null) {
            return legal.vatExemptionMention();
        }
        return anyExemptLine ? EXEMPT_LINES : null;
    }

    private static String amount(BigDecimal value) {
        BigDecimal v = value.setScale(2, RoundingMode.HALF_UP);
        return v.stripTrailingZeros().scale() <= 0
                ? v.setScale(0, RoundingMode.UNNECESSARY).toPlainString()
                : v.toPlainString().replace('.', ',');
    }

    private static String symbol(String currency) {
        return "EUR".equals(currency) ? "€" : currency;
    }
}
