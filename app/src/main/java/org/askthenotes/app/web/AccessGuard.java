package org.askthenotes.app.web;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.askthenotes.app.config.AppConfig;
import org.askthenotes.app.config.ConfigException;

/**
 * Who may talk to the server, checked before every route:
 * <ul>
 * <li>Host allow-list against DNS rebinding: a page on evil.example whose name is re-pointed at this machine sends
 * "Host: evil.example", which is refused. Loopback names, the configured {@code host}, {@code allowed-hosts} and
 * IP literals pass (rebinding needs a name the attacker controls; an IP literal is not one).</li>
 * <li>Origin check on every request that is not a GET or HEAD: a browser names the page that sent it, and a page of
 * another origin (a cross-site text/plain form POST to /api/reindex, say) is refused. Requests without Origin
 * (curl, scripts) pass: browsers always send it on cross-origin POSTs.</li>
 * <li>The token, when one is configured, on every state-changing request: anything but GET, HEAD and the
 * learner's own POSTs (asking, and rating an answer, which only appends to the ratings store). A new POST route is
 * thus guarded unless it is added to {@link #LEARNER_POSTS}.</li>
 * </ul>
 */
public final class AccessGuard {
    static final Set<String> LEARNER_POSTS = Set.of("/api/ask", "/api/feedback");

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private final Set<String> allowedHosts = new HashSet<>();
    private final byte[] token;

    AccessGuard(AppConfig config) {
        allowedHosts.add("localhost");
        allowedHosts.addAll(config.allowedHosts().stream().map(AccessGuard::bare).toList());
        allowedHosts.add(bare(config.host()));
        this.token = config.reindexToken() == null ? null : config.reindexToken().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Refuses to listen beyond this machine with nothing guarding the API; {@code --insecure} lets it, loudly.
     *
     * @return a warning to print, or null when there is nothing to warn about
     * @throws ConfigException when the host is not loopback and neither a token nor --insecure is set
     */
    public static String checkStartup(AppConfig config) {
        if (loopback(config.host())) {
            return null;
        }
        if (config.reindexToken() != null) {
            return null;
        }
        if (config.insecure()) {
            return "WARNING: serving on " + config.host() + " with --insecure: anyone who can reach this port can"
                    + " reindex and read every note. Set a token (ATN_REINDEX_TOKEN) to guard it.";
        }
        throw new ConfigException("--host " + config.host() + " listens beyond this machine and no token is set:"
                + " set one (ATN_REINDEX_TOKEN, or reindex-token in --config) so only its holders can change the"
                + " index, or pass --insecure to serve it open anyway");
    }

    /** True for names and addresses that only reach this machine. */
    static boolean loopback(String host) {
        String name = bare(host);
        if (name.equals("localhost") || name.endsWith(".localhost")) {
            return true;
        }
        if (!IPV4.matcher(name).matches() && !name.contains(":")) {
            return false;
        }
        try {
            // An IP literal: parsed without any DNS lookup.
            return InetAddress.getByName(name).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    void check(Context ctx) {
        String host = ctx.header("Host");
        if (host != null && !hostAllowed(host)) {
            throw new ApiException(403, "this server does not answer to the host name '" + printable(host)
                    + "': add it to allowed-hosts (ATN_ALLOWED_HOSTS) if it is yours");
        }
        HandlerType method = ctx.method();
        if (method == HandlerType.GET || method == HandlerType.HEAD) {
            return;
        }
        String origin = ctx.header("Origin");
        if (origin != null && !sameOrigin(origin, host)) {
            throw new ApiException(403, "cross-origin request refused: a page from " + printable(origin)
                    + " may not send " + method + " requests to this server");
        }
        if (token != null && !LEARNER_POSTS.contains(ctx.path()) && !authorized(ctx.header("Authorization"))) {
            ctx.header("WWW-Authenticate", "Bearer");
            throw new ApiException(401, method + " " + ctx.path()
                    + " needs the header Authorization: Bearer <token>");
        }
    }

    private boolean hostAllowed(String hostHeader) {
        String name = bare(withoutPort(hostHeader));
        return allowedHosts.contains(name) || loopback(name) || IPV4.matcher(name).matches() || name.contains(":");
    }

    /** The Origin's host and port must be the ones the request was sent to ("null" from a sandbox never is). */
    private static boolean sameOrigin(String origin, String hostHeader) {
        if (hostHeader == null) {
            return false;
        }
        try {
            URI uri = URI.create(origin);
            if (uri.getHost() == null) {
                return false;
            }
            String authority = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            String host = hostHeader.toLowerCase(Locale.ROOT);
            return authority.toLowerCase(Locale.ROOT).equals(host)
                    || (uri.getPort() < 0 && host.equals(authority.toLowerCase(Locale.ROOT) + ":80")
                    && "http".equals(uri.getScheme()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private boolean authorized(String header) {
        if (header == null || !header.startsWith("Bearer ")) {
            return false;
        }
        byte[] given = header.substring("Bearer ".length()).trim().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(given, token);
    }

    /** "[::1]:7070" → "[::1]", "example.org:7070" → "example.org". */
    private static String withoutPort(String host) {
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            return end < 0 ? host : host.substring(0, end + 1);
        }
        int colon = host.indexOf(':');
        return colon >= 0 && host.indexOf(':', colon + 1) < 0 ? host.substring(0, colon) : host;
    }

    /** Lower case, no IPv6 brackets, no trailing dot: the form names are compared in. */
    private static String bare(String host) {
        String name = host.strip().toLowerCase(Locale.ROOT);
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
        }
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }

    private static String printable(String value) {
        String cut = value.length() > 100 ? value.substring(0, 100) + "…" : value;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
