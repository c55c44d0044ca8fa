package org.tierslieux.billing.invoice;

/** The two kinds of legal documents; each has its own numbering series. Amounts are positive on both. */
public enum DocumentType {
    INVOICE,
    CREDIT_NOTE
}
