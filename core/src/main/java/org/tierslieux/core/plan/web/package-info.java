/** Pages of plans: the plans on offer and subscribing with the quote (members), plans, packs and subscriptions (managers). */
package org.tierslieux.core.plan.web;
