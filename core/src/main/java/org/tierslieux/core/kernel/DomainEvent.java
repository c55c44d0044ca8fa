package org.tierslieux.core.kernel;

/**
 * Marks the records that core publishes with CDI events ({@code Event<...>.fire}) for billing and extensions
 * to observe ({@code @Observes}), so that core never calls them. Observers run in the publisher's
 * transaction unless they ask for {@code during = AFTER_SUCCESS}.
 */
public interface DomainEvent {}
