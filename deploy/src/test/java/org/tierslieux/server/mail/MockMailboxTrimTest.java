package org.tierslieux.server.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.vertx.ext.mail.MailMessage;
import java.util.List;
import org.junit.jupiter.api.Test;

class MockMailboxTrimTest {

    /** Counts like Quarkus' mock mailbox: every mail sent since the last clear. */
    static final class Box implements MockMailbox {
        int held;

        @Override
        public List<Mail> getMessagesSentTo(String address) {
            return List.of();
        }

        @Override
        public List<Mail> getMailsSentTo(String address) {
            return List.of();
        }

        @Override
        public List<MailMessage> getMailMessagesSentTo(String address) {
            return List.of();
        }

        @Override
        public void clear() {
            held = 0;
        }

        @Override
        public int getTotalMessagesSent() {
            return held;
        }
    }

    @Test
    void a_mailbox_holding_more_than_the_limit_is_emptied() {
        Box box = new Box();
        box.held = 101;
        assertEquals(101, MockMailboxTrim.trim(box, 100));
        assertEquals(0, box.held);
    }

    @Test
    void a_mailbox_within_the_limit_is_left_alone() {
        Box box = new Box();
        box.held = 100;
        assertEquals(0, MockMailboxTrim.trim(box, 100));
        assertEquals(100, box.held);
    }
}
