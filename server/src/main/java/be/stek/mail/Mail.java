package be.stek.mail;

/** A rendered mail to one person: a subject, a plain-text body and the same in simple HTML. */
record Mail(String to, String subject, String text, String html) {
}
