package be.stek.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.eclipse.jetty.util.InetAddressSet;

/**
 * The address of the person behind a request. Behind a reverse proxy every request comes from the proxy, so the
 * client is read from {@code Forwarded} or {@code X-Forwarded-For}, but only when the request comes from a configured
 * trusted proxy ({@code --trusted-proxy}, addresses or CIDR ranges): otherwise anyone could claim any address. The
 * client is the right-most address in the chain that is not itself a trusted proxy.
 */
public final class ClientAddress {
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9a-fA-F:.]{2,45}");

    private final InetAddressSet trusted = new InetAddressSet();

    public ClientAddress(List<String> trustedProxies) {
        for (String proxy : trustedProxies) {
            if (!proxy.isBlank() && !trusted.add(proxy.strip())) {
                throw new IllegalArgumentException("not an address or range: " + proxy);
            }
        }
    }

    public static ClientAddress direct() {
        return new ClientAddress(List.of());
    }

    String of(HttpServletRequest req) {
        String remote = req.getRemoteAddr();
        if (trusted.isEmpty() || !isTrusted(remote)) {
            return remote;
        }
        List<String> chain = chain(req);
        for (int i = chain.size() - 1; i >= 0; i--) {
            String address = chain.get(i);
            if (address == null) {
                return remote;
            }
            if (!isTrusted(address)) {
                return address;
            }
        }
        return chain.isEmpty() ? remote : chain.get(0);
    }

    private boolean isTrusted(String address) {
        InetAddress parsed = parse(address);
        return parsed != null && trusted.test(parsed);
    }

    /** The forwarded-for chain, oldest first; an entry that is not an IP address becomes null. */
    private static List<String> chain(HttpServletRequest req) {
        List<String> chain = new ArrayList<>();
        for (String header : Collections.list(req.getHeaders("Forwarded"))) {
            for (String element : header.split(",")) {
                for (String pair : element.split(";")) {
                    String p = pair.strip();
                    if (p.toLowerCase(Locale.ROOT).startsWith("for=")) {
                        chain.add(clean(p.substring(4)));
                    }
                }
            }
        }
        if (chain.isEmpty()) {
            for (String header : Collections.list(req.getHeaders("X-Forwarded-For"))) {
                for (String part : header.split(",")) {
                    chain.add(clean(part));
                }
            }
        }
        return chain;
    }

    /** An IP literal without quotes, brackets or port; null for anything else ("unknown", a name, garbage). */
    static String clean(String value) {
        String v = value.strip();
        if (v.startsWith("\"") && v.endsWith("\"") && v.length() >= 2) {
            v = v.substring(1, v.length() - 1);
        }
        if (v.startsWith("[")) {
            int end = v.indexOf(']');
            v = end > 0 ? v.substring(1, end) : v;
        } else if (v.indexOf(':') == v.lastIndexOf(':') && v.indexOf(':') > 0) {
            v = v.substring(0, v.indexOf(':'));
        }
        return parse(v) == null ? null : v;
    }

    private static InetAddress parse(String address) {
        if (address == null || !IP_LITERAL.matcher(address).matches()) {
            return null;
        }
        try {
            return InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
