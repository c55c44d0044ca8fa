/**
 * Member groups and company accounts of a place. A group (standard, student, association, company...) selects
 * the prices a member pays; a member is in at most one group, the place's default {@code standard} otherwise.
 * A company account gathers several members under one billing contact: quotes of its members are billed to it.
 */
package org.tierslieux.core.membership;
