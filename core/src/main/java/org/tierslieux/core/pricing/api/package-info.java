/** The JSON API of prices ({@code /prices}) and quotes ({@code /quotes}). */
package org.tierslieux.core.pricing.api;
