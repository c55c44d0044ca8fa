/**
 * Mail on the embedded default and in development, where nothing is sent: the mock mailbox that Quarkus keeps in
 * memory is emptied regularly, since nothing but the tests reads it and it would otherwise hold every mail ever
 * "sent" (found by the soak, docs/reliability.md#soak).
 */
package org.tierslieux.server.mail;
