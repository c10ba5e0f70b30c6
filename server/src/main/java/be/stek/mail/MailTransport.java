package be.stek.mail;

/** Delivers a rendered mail: to an SMTP server, or into the outbox folder. Throws when it could not. */
interface MailTransport {
    void deliver(Mail mail) throws Exception;

    /** What this transport does, for the start-up log. */
    String describe();
}
