/**
 * Prices and quotes: what a member pays. The place's price list (per resource or kind, unit, member group and
 * plan, with validity dates and VAT), the {@link org.tierslieux.core.pricing.UsageMeter} rule that turns a
 * booking into quantities, and the {@link org.tierslieux.core.pricing.Quote} built by
 * {@link org.tierslieux.core.pricing.QuoteBuilder} and persisted by {@link org.tierslieux.core.pricing.QuoteStore}
 * so that billing charges exactly what the member was shown. Plans and credits plug in through
 * {@link org.tierslieux.core.pricing.PlanTerms} and {@link org.tierslieux.core.pricing.CreditCoverage}; other
 * modules add lines through {@link org.tierslieux.core.pricing.QuoteLineContributor}.
 */
package org.tierslieux.core.pricing;
