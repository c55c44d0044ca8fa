package org.tierslieux.core.credit;

/** Where a lot of credits comes from; plan lots are spent first. */
public enum CreditSource {
    PLAN,
    PACK,
    MANUAL
}
