/** The JSON API of a place's Mollie account: set, replace or remove its key (never read back). */
package org.tierslieux.billing.mollie.api;
