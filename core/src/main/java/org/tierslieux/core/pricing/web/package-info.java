/** The managers' price list page and the quote box shown before a member confirms what they buy. */
package org.tierslieux.core.pricing.web;
