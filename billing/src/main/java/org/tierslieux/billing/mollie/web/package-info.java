/** The managers' page for a place's online payment settings (its Mollie key). */
package org.tierslieux.billing.mollie.web;
