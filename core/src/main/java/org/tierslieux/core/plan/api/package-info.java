/** The JSON API of plans and subscriptions, with the quote of a subscription before it is made. */
package org.tierslieux.core.plan.api;
