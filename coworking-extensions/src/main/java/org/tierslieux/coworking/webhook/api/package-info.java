/** The webhooks' JSON API: subscriptions of a place, their delivery log, tests and re-enabling. */
package org.tierslieux.coworking.webhook.api;
