/** The exports API for treasurers (CSV, FEC, ZIP of PDFs) and the place's account mapping. */
package org.tierslieux.billing.export.api;
