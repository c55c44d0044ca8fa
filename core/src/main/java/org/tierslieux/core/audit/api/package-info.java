/** The network admins' JSON reading of the audit log ({@code /api/v1/network/audit}). */
package org.tierslieux.core.audit.api;
