package be.stek.web;

import freemarker.core.HTMLOutputFormat;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateScalarModel;
import freemarker.template.TemplateNumberModel;
import java.io.IOException;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;

/**
 * FreeMarker with HTML auto-escaping. Templates live under {@code templates/<feature>/} on the classpath; every
 * template gets {@code t(key, args…)} for UI strings and {@code fmt} for dates and numbers, and {@code l} (the
 * layout macros) and {@code f} (the form fields, see {@link Form}) are imported automatically.
 */
public final class Templates {
    private static final Format FORMAT_NL = new Format(Messages.of(Messages.DUTCH));
    private static final Format FORMAT_EN = new Format(Messages.of(Messages.ENGLISH));

    private final Configuration cfg;

    public Templates() {
        cfg = new Configuration(Configuration.VERSION_2_3_34);
        cfg.setClassForTemplateLoading(Templates.class, "/templates");
        cfg.setDefaultEncoding("UTF-8");
        cfg.setOutputFormat(HTMLOutputFormat.INSTANCE);
        cfg.setRecognizeStandardFileExtensions(true);
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setLogTemplateExceptions(false);
        cfg.setWrapUncheckedExceptions(true);
        cfg.setFallbackOnNullLoopVariable(false);
        cfg.setLocalizedLookup(false);
        cfg.setAPIBuiltinEnabled(false);
        cfg.setObjectWrapper(new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34).build());
        cfg.setNumberFormat("computer");
        cfg.addAutoImport("l", "/layout.ftlh");
        cfg.addAutoImport("f", "/form.ftlh");
    }

    /** Renders a template with the model plus the per-language helpers. */
    public String render(String template, Map<String, Object> model, Messages messages) {
        Map<String, Object> full = new HashMap<>(model);
        full.put("t", translator(messages));
        full.put("fmt", Messages.ENGLISH.equals(messages.language()) ? FORMAT_EN : FORMAT_NL);
        full.put("lang", messages.language());
        try (StringWriter out = new StringWriter()) {
            cfg.getTemplate(template + ".ftlh").process(full, out);
            return out.toString();
        } catch (IOException | freemarker.template.TemplateException e) {
            throw new IllegalStateException("template " + template + ": " + e.getMessage(), e);
        }
    }

    /** {@code t(key, args…)} for templates: the text of a message key in this language (pages and mails). */
    public static TemplateMethodModelEx translator(Messages messages) {
        return args -> {
            if (args.isEmpty()) {
                throw new TemplateModelException("t() needs a key");
            }
            Object[] rest = new Object[args.size() - 1];
            for (int i = 1; i < args.size(); i++) {
                rest[i - 1] = unwrap(args.get(i));
            }
            return messages.get(String.valueOf(unwrap(args.get(0))), rest);
        };
    }

    private static Object unwrap(Object model) throws TemplateModelException {
        if (model instanceof TemplateScalarModel s) {
            return s.getAsString();
        }
        if (model instanceof TemplateNumberModel n) {
            return n.getAsNumber();
        }
        return String.valueOf(model);
    }
}
