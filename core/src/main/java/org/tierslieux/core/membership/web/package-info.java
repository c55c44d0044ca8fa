/** The managers' pages of member groups and company accounts. */
package org.tierslieux.core.membership.web;
