package be.stek.mail;

import be.stek.web.Messages;
import be.stek.web.Templates;
import freemarker.core.PlainTextOutputFormat;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;

/**
 * Renders a {@link Letter} with FreeMarker: {@code templates/mail/NAME.ftl} is the plain text (its first line is the
 * subject, then a blank line), {@code NAME.ftlh} the HTML, auto-escaped like every page. Both get {@code t(key, …)}
 * in the letter's language, {@code org} (the organisation's name or null) and {@code baseUrl}.
 */
final class MailTemplates {
    private final Configuration cfg;
    private final String orgName;
    private final String baseUrl;

    MailTemplates(String orgName, String baseUrl) {
        this.orgName = orgName;
        this.baseUrl = baseUrl;
        cfg = new Configuration(Configuration.VERSION_2_3_34);
        cfg.setClassForTemplateLoading(MailTemplates.class, "/templates/mail");
        cfg.setDefaultEncoding("UTF-8");
        cfg.setOutputFormat(PlainTextOutputFormat.INSTANCE);
        cfg.setRecognizeStandardFileExtensions(true);
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setLogTemplateExceptions(false);
        cfg.setAPIBuiltinEnabled(false);
        cfg.setLocalizedLookup(false);
        cfg.setObjectWrapper(new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34).build());
        cfg.setNumberFormat("computer");
    }

    Mail render(Letter letter) {
        Messages messages = Messages.of(letter.language());
        Map<String, Object> model = new HashMap<>(letter.model());
        model.put("t", Templates.translator(messages));
        model.put("lang", messages.language());
        model.put("baseUrl", baseUrl);
        if (orgName != null) {
            model.put("org", orgName);
        }
        String text = process(letter.template() + ".ftl", model).stripLeading();
        int end = text.indexOf('\n');
        if (end < 0) {
            throw new IllegalStateException("mail template " + letter.template() + " has no subject line");
        }
        model.put("subject", text.substring(0, end).strip());
        return new Mail(letter.to(), text.substring(0, end).strip(), text.substring(end + 1).strip() + "\n",
                process(letter.template() + ".ftlh", model));
    }

    private String process(String name, Map<String, Object> model) {
        try (StringWriter out = new StringWriter()) {
            cfg.getTemplate(name).process(model, out);
            return out.toString();
        } catch (IOException | freemarker.template.TemplateException e) {
            throw new IllegalStateException("mail template " + name + ": " + e.getMessage(), e);
        }
    }
}
