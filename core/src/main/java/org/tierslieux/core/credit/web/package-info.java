/** The member's credits page (lots left, history, packs to buy with their quote). */
package org.tierslieux.core.credit.web;
