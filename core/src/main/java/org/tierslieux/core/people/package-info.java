/**
 * People and their roles. A {@link org.tierslieux.core.people.Person} belongs to the network (one account,
 * several places); a membership row, owned by a place, gives them a {@link org.tierslieux.core.people.Role}
 * there. Whoever proves the identity (a local password, a personal token, Keycloak), our tables say what the
 * person may do where: {@link org.tierslieux.core.people.Caller} answers that for the current request.
 */
package org.tierslieux.core.people;
