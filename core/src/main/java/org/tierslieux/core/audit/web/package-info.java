/** The network admins' page of the audit log ({@code /network/audit}). */
package org.tierslieux.core.audit.web;
