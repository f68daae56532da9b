package vn.lgsp.hub.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.HttpCookie;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import vn.lgsp.hub.support.HubIntegrationTest;

/**
 * Console sessions end when they should, on every node (the session and the lock-outs are in the shared database):
 * logout, "log out everywhere" and a changed user end them at once; logins are throttled per user name and per
 * client address, even for the right password, and every lock-out is in the console audit. Browsers come from
 * their own addresses through the proxy header the prod profile trusts.
 */
@TestPropertySource(properties = {
        "server.forward-headers-strategy=native",
        "hub.console.login-throttle.max-failures-per-user=3",
        "hub.console.login-throttle.max-failures-per-address=6",
        "hub.console.users.lan.password-hash=$2a$10$Kz6V0k37eprXt9yTDmVu8O3ILuAPJENCveSomDpkwPdcXqbkED7om",
        "hub.console.users.lan.roles[0]=VIEWER",
        "hub.console.users.minh.password-hash=$2a$10$Kz6V0k37eprXt9yTDmVu8O3ILuAPJENCveSomDpkwPdcXqbkED7om",
        "hub.console.users.minh.roles[0]=VIEWER",
        "hub.console.users.tuan.password-hash=$2a$10$Kz6V0k37eprXt9yTDmVu8O3ILuAPJENCveSomDpkwPdcXqbkED7om",
        "hub.console.users.tuan.roles[0]=VIEWER",
        "hub.console.users.hoa.password-hash=$2a$10$Kz6V0k37eprXt9yTDmVu8O3ILuAPJENCveSomDpkwPdcXqbkED7om",
        "hub.console.users.hoa.roles[0]=OPERATOR",
})
class ConsoleSessionsIT extends HubIntegrationTest {

    /** The demo viewer's password, whose hash every user of this test shares. */
    private static final String PASSWORD = "demo-viewer-pass";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ConsoleSessionStore sessions;

    @Autowired
    ConsoleProperties properties;

    @Test
    void afterThreeWrongPasswordsTheRightOneIsRefusedFromAnyAddressAndTheLockOutIsAudited() {
        for (int i = 0; i < 3; i++) {
            assertThat(browser("10.1.0.1").login("lan", "not-the-password").location()).endsWith("/console/login?error");
        }
        ConsoleSession elsewhere = browser("10.1.0.2");
        assertThat(elsewhere.login("lan", PASSWORD).location()).endsWith("/console/login?locked");
        assertThat(elsewhere.get("/console/api/routes").status()).isEqualTo(401);
        assertThat(elsewhere.get("/console/login?locked").body()).contains("id=\"login-locked\"");

        assertThat(audited("LOGIN_LOCKED", "user:lan")).isEqualTo(1);
        // The address itself is not locked by three failures: another user signs in from it.
        assertThat(browser("10.1.0.1").login("minh", PASSWORD).location()).endsWith("/console");
    }

    @Test
    void afterTooManyFailuresFromOneAddressEveryLoginFromItIsRefused() {
        for (int i = 1; i <= 6; i++) {
            assertThat(browser("10.2.0.1").login("guess-" + i, "guess").location()).endsWith("/console/login?error");
        }
        assertThat(browser("10.2.0.1").login("tuan", PASSWORD).location()).endsWith("/console/login?locked");
        assertThat(browser("10.2.0.9").login("tuan", PASSWORD).location()).endsWith("/console");
        assertThat(audited("LOGIN_LOCKED", "address:10.2.0.1")).isEqualTo(1);
    }

    @Test
    void logoutEverywhereEndsEverySessionOfTheUserAtOnce() {
        ConsoleSession office = signedIn("hoa", "10.3.0.1");
        ConsoleSession home = signedIn("hoa", "10.3.0.2");
        assertThat(home.get("/console/api/routes").status()).isEqualTo(200);

        assertThat(office.post("/console/logout-everywhere").location()).endsWith("/console/login?logout");

        assertThat(home.get("/console/api/routes").status()).isEqualTo(401);
        assertThat(office.get("/console/api/routes").status()).isEqualTo(401);
        assertThat(audited("LOGOUT_EVERYWHERE", "user:hoa")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aViewerMayLogOutEverywhereToo() {
        ConsoleSession viewer = signedIn("minh", "10.4.0.1");
        assertThat(viewer.post("/console/logout-everywhere").location()).endsWith("/console/login?logout");
        assertThat(viewer.get("/console/api/routes").status()).isEqualTo(401);
    }

    @Test
    void aCookieCopiedBeforeLogoutIsNoSessionAfterIt() {
        ConsoleSession browser = signedIn("minh", "10.5.0.1");
        HttpCookie copy = sessionCookie(browser);
        assertThat(browser.post("/console/logout").location()).endsWith("/console/login?logout");

        ConsoleSession replay = browser("10.5.0.2");
        replay.cookies().getCookieStore().add(URI.create(hub.baseUrl() + "/console"), copy);
        assertThat(replay.get("/console/api/routes").status()).isEqualTo(401);
    }

    @Test
    void aChangedRoleEndsTheUsersSessionsOnEveryNode() {
        ConsoleSession operator = signedIn("hoa", "10.6.0.1");
        assertThat(operator.get("/console/api/routes").status()).isEqualTo(200);
        var demoted = new HashMap<>(properties.users());
        demoted.put("hoa", new ConsoleProperties.User(properties.users().get("hoa").passwordHash(), List.of("VIEWER")));
        try {
            // What a node does when it starts with the changed configuration.
            sessions.reconcile(demoted);
            assertThat(operator.get("/console/api/routes").status()).isEqualTo(401);
            assertThat(audited("SESSIONS_ENDED", "user:hoa")).isGreaterThanOrEqualTo(1);
        } finally {
            sessions.reconcile(properties.users());
        }
    }

    private ConsoleSession browser(String address) {
        return new ConsoleSession(hub.baseUrl(), address);
    }

    private ConsoleSession signedIn(String user, String address) {
        ConsoleSession browser = browser(address);
        assertThat(browser.login(user, PASSWORD).location()).endsWith("/console");
        return browser;
    }

    private static HttpCookie sessionCookie(ConsoleSession browser) {
        HttpCookie cookie = browser.cookies().getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(SignedCookieSessions.COOKIE)).findFirst().orElseThrow();
        HttpCookie copy = new HttpCookie(cookie.getName(), cookie.getValue());
        copy.setPath("/console");
        return copy;
    }

    private long audited(String action, String target) {
        return jdbc.sql("SELECT COUNT(*) FROM console_audit WHERE action = ? AND target = ?").params(action, target)
                .query(Long.class).single();
    }
}
