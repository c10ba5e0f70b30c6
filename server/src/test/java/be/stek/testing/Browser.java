package be.stek.testing;

import java.io.IOException;
import org.htmlunit.BrowserVersion;
import org.htmlunit.Page;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;

/**
 * A learner's browser (HtmlUnit). JavaScript is off: every learner page must work without it. Helpers find
 * forms and links the way a person does, by their visible text or purpose.
 */
public final class Browser implements AutoCloseable {
    private final TestServer server;
    private final WebClient client = new WebClient(BrowserVersion.FIREFOX);

    public Browser(TestServer server) {
        this.server = server;
        client.getOptions().setJavaScriptEnabled(false);
        client.getOptions().setCssEnabled(false);
        client.getOptions().setThrowExceptionOnFailingStatusCode(false);
        client.getOptions().setRedirectEnabled(true);
    }

    public HtmlPage open(String path) throws IOException {
        return client.getPage(server.url(path));
    }

    public HtmlPage signIn(String email, String password) throws IOException {
        HtmlPage login = open("/login");
        HtmlForm form = formWithAction(login, "/login");
        form.getInputByName("email").setValue(email);
        form.getInputByName("password").setValue(password);
        return submit(form);
    }

    /** The first form whose action is {@code action}. */
    public static HtmlForm formWithAction(HtmlPage page, String action) {
        HtmlForm form = page.getFirstByXPath("//form[@action='" + action + "']");
        if (form == null) {
            throw new AssertionError("no form with action " + action + " on " + page.getUrl() + ":\n" + page.asNormalizedText());
        }
        return form;
    }

    /** Submits a form with its (first) submit button, as a click would. */
    public static HtmlPage submit(HtmlForm form) throws IOException {
        HtmlElement button = form.getFirstByXPath(".//button[@type='submit'] | .//input[@type='submit']");
        return button.click();
    }

    /** Clicks the link or button whose text contains {@code text}. */
    public static <P extends Page> P click(HtmlPage page, String text) throws IOException {
        HtmlElement el = page.getFirstByXPath("//a[contains(normalize-space(.), \"" + text + "\")] | //button[contains(normalize-space(.), \"" + text + "\")]");
        if (el == null) {
            throw new AssertionError("nothing to click with text '" + text + "' on " + page.getUrl() + ":\n" + page.asNormalizedText());
        }
        return el.click();
    }

    public static void fill(HtmlForm form, String name, String value) {
        HtmlInput input = form.getInputByName(name);
        input.setValue(value);
    }

    public WebClient client() {
        return client;
    }

    @Override
    public void close() {
        client.close();
    }
}
