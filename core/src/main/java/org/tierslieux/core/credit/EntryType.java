package org.tierslieux.core.credit;

/** What a ledger entry records: a lot opened, credits used or given back, what was left when it expired. */
public enum EntryType {
    GRANT,
    CONSUME,
    REFUND,
    EXPIRE,
    ADJUST
}
