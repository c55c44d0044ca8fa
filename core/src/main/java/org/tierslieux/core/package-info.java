/**
 * The core of TiersLieux Manager: tenancy, people and roles, resources, opening hours, availability,
 * bookings and their rules, plans, credits and prices. It knows nothing of billing or coworking: those
 * modules plug in through the extension points (CDI interfaces discovered as beans) and the domain events
 * published here.
 */
package org.tierslieux.core;
