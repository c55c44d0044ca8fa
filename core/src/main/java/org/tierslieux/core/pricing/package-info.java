/**
 * Prices and quotes (the issue on plans and prices fills it in). It holds the extension point through which
 * modules add lines to what a member is about to buy: {@link org.tierslieux.core.pricing.QuoteLineContributor}.
 */
package org.tierslieux.core.pricing;
