/** The JSON API of packs, pack purchases and credit balances, and the quote view shared with plans. */
package org.tierslieux.core.credit.api;
