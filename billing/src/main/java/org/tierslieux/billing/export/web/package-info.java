/** The treasurer's pages: the exports (with their downloads) and the account mapping. */
package org.tierslieux.billing.export.web;
