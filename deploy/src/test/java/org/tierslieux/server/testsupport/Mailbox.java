package org.tierslieux.server.testsupport;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

/** Reads the mock mailbox. Mails leave on a worker thread after their transaction commits: wait for them. */
public final class Mailbox {

    private Mailbox() {}

    public static List<Mail> sentTo(MockMailbox mailbox, String address) {
        List<Mail> mails = mailbox.getMailsSentTo(address);
        return mails == null ? List.of() : List.copyOf(mails);
    }

    /** The first mail to {@code address} that matches, waiting up to ten seconds for it. */
    public static Mail await(MockMailbox mailbox, String address, Predicate<Mail> wanted) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) {
            var found = sentTo(mailbox, address).stream().filter(wanted).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            pause(Duration.ofMillis(50));
        }
        throw new AssertionError("No such mail to " + address + " among "
                + sentTo(mailbox, address).stream().map(Mail::getSubject).toList());
    }

    /** Lets mails that would wrongly leave have the time to do so, before checking they did not. */
    public static void settle() {
        pause(Duration.ofMillis(500));
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
