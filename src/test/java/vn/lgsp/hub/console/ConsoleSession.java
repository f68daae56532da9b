package vn.lgsp.hub.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A browser-like HTTP client of the console: keeps cookies, does not follow redirects, reads CSRF tokens. */
public final class ConsoleSession {

    /** An answer: status, body and the redirect target, if any. */
    public record Page(int status, String body, String location) {
    }

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String baseUrl;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;
    private final String clientAddress;

    public ConsoleSession(String baseUrl) {
        this(baseUrl, null);
    }

    /** A browser at another address, told to the hub as a proxy would ({@code X-Forwarded-For}). */
    public ConsoleSession(String baseUrl, String clientAddress) {
        this.baseUrl = baseUrl;
        this.clientAddress = clientAddress;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Signs in through the login form; returns the answer to the form post. */
    public Page login(String user, String password) {
        return post("/console/login", "username", user, "password", password);
    }

    public Page get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET().build());
    }

    /** Posts a form with the CSRF token a console page carries, as a browser would. */
    public Page post(String path, String... fields) {
        String[] withToken = new String[fields.length + 2];
        System.arraycopy(fields, 0, withToken, 0, fields.length);
        withToken[fields.length] = "_csrf";
        withToken[fields.length + 1] = csrfToken();
        return postWithoutToken(path, withToken);
    }

    /** Posts a form as a forged cross-site request would: no CSRF token. */
    public Page postWithoutToken(String path, String... fields) {
        StringJoiner form = new StringJoiner("&");
        for (int i = 0; i + 1 < fields.length; i += 2) {
            form.add(URLEncoder.encode(fields[i], StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
        }
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build());
    }

    public String csrfToken() {
        Matcher m = CSRF.matcher(get("/console/login").body());
        if (!m.find()) {
            throw new IllegalStateException("the login page has no CSRF token");
        }
        return m.group(1);
    }

    public CookieManager cookies() {
        return cookies;
    }

    private Page send(HttpRequest plain) {
        HttpRequest request = clientAddress == null ? plain
                : HttpRequest.newBuilder(plain, (name, value) -> true).header("X-Forwarded-For", clientAddress).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Page(response.statusCode(), response.body(),
                    response.headers().firstValue("Location").orElse(null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
