/**
 * The demo network of the embedded default (never in production): two places, five accounts, their resources and
 * a lived-in calendar relative to today, created once through the same services users go through, so that the
 * demo obeys every rule.
 */
package org.tierslieux.server.demo;
