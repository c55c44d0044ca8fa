/**
 * The audit log: every state-changing request of a person acting as manager or treasurer of a place (who, what,
 * when, where), written in that place's tenant table after the request, and read by network admins through the
 * read-only network view {@code network_audit_log}.
 */
package org.tierslieux.core.audit;
