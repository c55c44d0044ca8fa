/**
 * Resources: what a place lends out (machines, rooms, desks, desk pools, spaces...). Kinds are an extension
 * point ({@link org.tierslieux.core.resource.ResourceKind}): core brings the common ones, other modules add
 * theirs as beans. A resource is archived, never deleted, so that past bookings and invoices keep it.
 */
package org.tierslieux.core.resource;
