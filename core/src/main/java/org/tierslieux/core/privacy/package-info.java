/**
 * A person's own data, for the rights of access and portability (GDPR art. 15 and 20): everything the
 * application keeps about the signed-in person, gathered place by place (each place through its own scope, as
 * row-level security wants) into one document. Legal records (invoices) are billing's and are listed there.
 * Erasure is an operator's procedure for now (docs/operations/gdpr.md).
 */
package org.tierslieux.core.privacy;
