/**
 * Exports for treasurers and their accountant: the invoices and their lines as a CSV for a spreadsheet, the FEC
 * (fichier des écritures comptables, LPF art. A47 A-1) of a fiscal year, and a ZIP of a period's PDFs, all
 * written while they are read (a database cursor feeding the HTTP response) so that a year of documents never
 * sits in memory. The accounts the FEC uses are the place's {@link org.tierslieux.billing.export.AccountingSettings}.
 */
package org.tierslieux.billing.export;
