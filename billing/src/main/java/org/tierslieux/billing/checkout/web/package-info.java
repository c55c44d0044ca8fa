/** The checkout's pages: the member's pay and return pages, the desk's list of orders (manual payments, refunds). */
package org.tierslieux.billing.checkout.web;
