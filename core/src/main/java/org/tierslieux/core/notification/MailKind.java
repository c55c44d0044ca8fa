package org.tierslieux.core.notification;

/**
 * The mails the application sends. Each has its templates {@code templates/core/mail/<name>.<lang>.html} and
 * {@code .txt}, and its subject {@code mail.<name>.subject} in the bundles.
 */
enum MailKind {
    BOOKING_CONFIRMED("booking-confirmed"),
    BOOKING_CANCELLED("booking-cancelled"),
    MAINTENANCE_IMPACT("maintenance-impact"),
    CLOSURE_IMPACT("closure-impact"),
    WAITLIST_OFFER("waitlist-offer"),
    INVITATION("invitation");

    final String template;

    MailKind(String template) {
        this.template = template;
    }
}
