package org.tierslieux.server.mail;

import io.quarkus.mailer.MockMailbox;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * With {@code quarkus.mailer.mock=true} (the embedded default and dev), Quarkus logs each mail and also keeps it,
 * with its rendered message, in an in-memory mock mailbox that is never emptied: on a demo that runs for days the
 * heap grows with every booking, cancellation and invitation (about 3 KB a mail; the soak saw the live heap grow
 * by some 150 MB an hour). Nothing in the application reads that mailbox, only tests do: every minute, once it
 * holds more than {@code tl.mail.mock-mailbox-max} mails, it is emptied. The mails stay in the log. Tests turn
 * this off ({@code tl.mail.mock-mailbox-trim-every=off}), since they read the mailbox.
 */
@ApplicationScoped
public class MockMailboxTrim {

    private static final Logger LOG = Logger.getLogger(MockMailboxTrim.class);

    private final Instance<MockMailbox> mailbox;
    private final boolean mock;
    private final int max;

    MockMailboxTrim(
            Instance<MockMailbox> mailbox,
            @ConfigProperty(name = "quarkus.mailer.mock", defaultValue = "false") boolean mock,
            @ConfigProperty(name = "tl.mail.mock-mailbox-max", defaultValue = "100") int max) {
        this.mailbox = mailbox;
        this.mock = mock;
        this.max = max;
    }

    @Scheduled(
            identity = "mock-mailbox-trim",
            every = "${tl.mail.mock-mailbox-trim-every:1m}",
            delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void trim() {
        if (!mock || !mailbox.isResolvable()) {
            return;
        }
        int emptied = trim(mailbox.get(), max);
        if (emptied > 0) {
            LOG.debugf("Mock mailbox emptied (%d mails, all logged when sent)", emptied);
        }
    }

    /** Empties the mailbox when it holds more than {@code max} mails; answers how many it held then, else 0. */
    static int trim(MockMailbox box, int max) {
        int held = box.getTotalMessagesSent();
        if (held <= max) {
            return 0;
        }
        box.clear();
        return held;
    }
}
