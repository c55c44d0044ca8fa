/**
 * Credits: what plans and packs give members to spend on bookings, kept as a ledger. Every grant, consumption,
 * refund and expiry is a {@link org.tierslieux.core.credit.CreditEntry}; a lot's balance is the sum of its
 * entries, never stored and never negative. {@link org.tierslieux.core.credit.CreditLedger} writes one member's
 * entries under that member's advisory lock, {@link org.tierslieux.core.credit.BookingCredits} consumes at
 * booking and gives back at cancellation, and packs (carnets, day passes) are sold by
 * {@link org.tierslieux.core.credit.PackService}.
 */
package org.tierslieux.core.credit;
