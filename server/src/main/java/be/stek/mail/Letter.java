package be.stek.mail;

import java.util.Map;

/**
 * A mail still to write: to whom, in which language ("nl" or "en"), which template ({@code templates/mail/NAME.ftl}
 * for the text, {@code NAME.ftlh} for the HTML, subject {@code mail.NAME.subject}) and the template's values. It is
 * rendered on the mail thread, so a request that sends mail does not wait for the rendering either.
 */
public record Letter(String to, String language, String template, Map<String, Object> model) {
    public Letter {
        model = Map.copyOf(model);
    }
}
