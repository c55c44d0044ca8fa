/**
 * The shared kernel: value types every feature speaks ({@link org.tierslieux.core.kernel.Money}, {@link
 * org.tierslieux.core.kernel.TimeRange}) and the injected {@link java.time.Clock}, so that no rule reads the
 * wall clock or the server's zone by itself.
 */
package org.tierslieux.core.kernel;
