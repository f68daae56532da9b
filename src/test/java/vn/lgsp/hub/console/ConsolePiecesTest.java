package vn.lgsp.hub.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import vn.lgsp.hub.errors.ErrorCode;
import vn.lgsp.hub.errors.HubException;

/**
 * The console's pieces that need no running hub: cookie sessions, payload masking, the prod check, how figures
 * and days are written in each language.
 */
class ConsolePiecesTest {

    static final String SECRET = "a-secret-every-node-shares-0123456789";
    static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");
    /** The sessions' table, as every node shares it. */
    static final Map<String, List<String>> OPEN_SESSIONS = new java.util.concurrent.ConcurrentHashMap<>();
    static final SignedCookieSessions.Sessions SESSIONS = new SignedCookieSessions.Sessions() {
        @Override
        public String open(String username, List<String> roles, Instant expires) {
            String id = java.util.UUID.randomUUID().toString();
            OPEN_SESSIONS.put(id, roles);
            return id;
        }

        @Override
        public java.util.Optional<List<String>> active(String id, String username) {
            return java.util.Optional.ofNullable(OPEN_SESSIONS.get(id));
        }

        @Override
        public void end(String id) {
            OPEN_SESSIONS.remove(id);
        }
    };

    /** A node's sessions at a given time, with the shared secret and the shared sessions. */
    static SignedCookieSessions node(Instant now) {
        return new SignedCookieSessions(SECRET, Duration.ofHours(8), Clock.fixed(now, ZoneOffset.UTC), SESSIONS);
    }

    @Test
    void aSessionCookieFromOneNodeIsAcceptedByAnotherWithTheSameSecret() {
        var cookie = sessionCookie(node(NOW));

        var secondNode = node(NOW.plusSeconds(60));
        var user = secondNode.decode(cookie);

        assertThat(user.getName()).isEqualTo("operator");
        assertThat(user.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_OPERATOR");
    }

    @Test
    void aCookieSignedWithAnotherSecretTamperedOrExpiredIsNoSession() {
        String cookie = sessionCookie(node(NOW));

        assertThat(new SignedCookieSessions("another-secret-0123456789abcdef", Duration.ofHours(8),
                Clock.fixed(NOW, ZoneOffset.UTC), SESSIONS).decode(cookie)).isNull();
        assertThat(node(NOW.plus(Duration.ofHours(9))).decode(cookie)).isNull();
        var sameNode = node(NOW);
        assertThat(sameNode.decode("x" + cookie)).isNull();
        assertThat(sameNode.decode(cookie.substring(0, cookie.length() - 2))).isNull();
        assertThat(sameNode.decode("no-dot-at-all")).isNull();
    }

    @Test
    void aCookieOfAnEndedSessionIsNoSessionAndTheRolesAreTheSessionsNotTheCookies() {
        var sessions = node(NOW);
        var before = java.util.Set.copyOf(OPEN_SESSIONS.keySet());
        String cookie = sessionCookie(sessions);
        String id = OPEN_SESSIONS.keySet().stream().filter(k -> !before.contains(k)).findFirst().orElseThrow();
        // The operator's role was taken away: the cookie still names it, the session no longer holds it.
        OPEN_SESSIONS.put(id, List.of("ROLE_VIEWER"));
        assertThat(sessions.decode(cookie).getAuthorities()).extracting(Object::toString).containsExactly("ROLE_VIEWER");

        var request = new MockHttpServletRequest();
        request.setCookies(new jakarta.servlet.http.Cookie(SignedCookieSessions.COOKIE, cookie));
        sessions.clear(request, new MockHttpServletResponse());
        assertThat(OPEN_SESSIONS).doesNotContainKey(id);
        assertThat(node(NOW.plusSeconds(60)).decode(cookie)).isNull();
    }

    @Test
    void theSessionCookieIsHttpOnlyAndScopedToTheConsole() {
        var sessions = node(NOW);
        var response = new MockHttpServletResponse();
        sessions.saveContext(new SecurityContextImpl(operator()), new MockHttpServletRequest(), response);

        String header = response.getHeader("Set-Cookie");
        assertThat(header).startsWith(SignedCookieSessions.COOKIE + "=").contains("Path=/console").contains("HttpOnly")
                .contains("Max-Age=28800");
        assertThat(response.getCookie(SignedCookieSessions.COOKIE).getAttribute("SameSite")).isEqualTo("Lax");
        var request = new MockHttpServletRequest();
        request.setCookies(response.getCookie(SignedCookieSessions.COOKIE));
        assertThat(sessions.loadContext(new HttpRequestResponseHolder(request, new MockHttpServletResponse()))
                .getAuthentication().getName()).isEqualTo("operator");
    }

    @Test
    void deadLetterPayloadsShowNoPersonalData() {
        String masked = PayloadMasking.mask("""
            {"dossierCode":"H15-261123-0001","applicant":{"personalId":"002190012345","fullName":"Nguyễn Thị Hoà",
             "birthDate":"1990-05-12","phone":"0912345678","email":"hoa@example.vn","address":"Số 12 Trần Phú"},
             "summary":"Khai sinh cho con: Trần Minh Đức","fees":[{"amount":8000}]}""");

        assertThat(masked).contains("002*******45").contains("N. T. H.").contains("H15-261123-0001").contains("8000")
                .doesNotContain("Nguyễn").doesNotContain("1990-05-12").doesNotContain("0912345678")
                .doesNotContain("hoa@example.vn").doesNotContain("Trần");
        String soap = PayloadMasking.mask("<ns:HoSo xmlns:ns=\"urn:x\"><ns:HoVaTen>Lê Văn An</ns:HoVaTen>"
                + "<ns:SoDinhDanh>001203012345</ns:SoDinhDanh><ns:MaTTHC>1.001193</ns:MaTTHC></ns:HoSo>");
        assertThat(soap).contains("<ns:HoVaTen>L. V. A.</ns:HoVaTen>").contains("001*******45").contains("1.001193");
        assertThat(PayloadMasking.mask("call 0912345678 now")).isEqualTo("call 091*****78 now");
    }

    @Test
    void theProdProfileRefusesDemoUsersAndTheDemoSecret() {
        var demo = new ConsoleProperties(Map.of("operator", new ConsoleProperties.User(
                "$2a$10$aiM431EJDrc7LPumQXq4OORNhBA60xz2vzzsr7dlloV3PZ62UtbBq", List.of("OPERATOR"))),
                ConsoleProductionSafetyCheck.DEMO_SECRET, null, null, null, null, 0);
        assertThat(ConsoleProductionSafetyCheck.problems(demo)).hasSize(2);

        String realHash = new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder(4)
                .encode("a long and real passphrase");
        var real = new ConsoleProperties(Map.of("ops", new ConsoleProperties.User(realHash, List.of("OPERATOR"))),
                "0123456789abcdef0123456789abcdef-real", null, null, null, null, 0);
        assertThat(ConsoleProductionSafetyCheck.problems(real)).isEmpty();
        var noUsers = new ConsoleProperties(Map.of(), "", null, null, null, null, 0);
        assertThat(ConsoleProductionSafetyCheck.problems(noUsers)).isEmpty();
    }

    @Test
    void durationsNeedNoThousandsSeparatorInEitherLanguage() {
        var format = new ConsoleFormat();

        assertThat(in(ConsoleWebConfiguration.VIETNAMESE, () -> List.of(format.millis(3.25), format.millis(242.4),
                format.millis(2242L), format.millis(12_345.0), format.millis(125_000L), format.millis(null))))
                .containsExactly("3,25 ms", "242 ms", "2,2 s", "12,3 s", "2 min 5 s", "—");
        assertThat(in(Locale.ENGLISH, () -> List.of(format.millis(3.25), format.millis(242.4), format.millis(2242L),
                format.millis(999.7), format.millis(3_600_000L))))
                .containsExactly("3.25 ms", "242 ms", "2.2 s", "1 s", "1 h 0 min");
    }

    @Test
    void countsAndRatesAreWrittenTheLanguagesWay() {
        var format = new ConsoleFormat();

        assertThat(in(ConsoleWebConfiguration.VIETNAMESE, () -> List.of(format.number(1_234_567L),
                format.percent(0.125), format.number(null)))).containsExactly("1.234.567", "12,5%", "—");
        assertThat(in(Locale.ENGLISH, () -> List.of(format.number(1_234_567L), format.percent(0.125))))
                .containsExactly("1,234,567", "12.5%");
    }

    @Test
    void daysAreWrittenDayMonthYearAndTakenAsTypedOrInIso() {
        var format = new ConsoleFormat();
        LocalDate day = LocalDate.of(2026, 11, 23);

        assertThat(in(Locale.ENGLISH, () -> format.day(day))).isEqualTo("23/11/2026");
        assertThat(in(ConsoleWebConfiguration.VIETNAMESE, () -> format.day(day))).isEqualTo("23/11/2026");
        assertThat(ConsoleFormat.parseDay("23/11/2026")).isEqualTo(day);
        assertThat(ConsoleFormat.parseDay(" 3/1/2026 ")).isEqualTo(LocalDate.of(2026, 1, 3));
        assertThat(ConsoleFormat.parseDay("2026-11-23")).isEqualTo(day);
        assertThat(ConsoleFormat.parseDay("")).isNull();
        assertThat(ConsoleFormat.parseDay(null)).isNull();
        for (String notADay : List.of("11/23/2026", "31/02/2026", "23.11.2026", "2026-11-23T00:00")) {
            assertThatThrownBy(() -> ConsoleFormat.parseDay(notADay)).isInstanceOf(HubException.class)
                    .extracting(e -> ((HubException) e).code()).isEqualTo(ErrorCode.MALFORMED_REQUEST);
        }
    }

    @Test
    void anIndicatorLineJoinsTheDaysAroundADayWithoutDossiers() {
        var busy = new IndicatorFormulas.Figures(2, 2, 0, 0, 0, 0, 0, 0);
        var halfSynced = new IndicatorFormulas.Figures(4, 2, 0, 0, 0, 0, 0, 0);
        var chart = Chart.of(List.of(new Indicators.Bucket(LocalDate.of(2026, 11, 1), "01/11", busy),
                new Indicators.Bucket(LocalDate.of(2026, 11, 2), "02/11", IndicatorFormulas.Figures.NONE),
                new Indicators.Bucket(LocalDate.of(2026, 11, 3), "03/11", halfSynced)));

        var sync = chart.series().get(0);
        assertThat(sync.key()).isEqualTo("indicator.sync");
        assertThat(sync.points()).hasSize(2);
        assertThat(sync.polylines()).singleElement().satisfies(line -> assertThat(line.split(" ")).containsExactly(
                String.format(java.util.Locale.ROOT, "%.1f,%.1f", (double) chart.left(), chart.y(100)),
                String.format(java.util.Locale.ROOT, "%.1f,%.1f", (double) chart.right(), chart.y(50))));
        assertThat(chart.labels()).extracting(Chart.Label::text).containsExactly("01/11", "02/11", "03/11");
    }

    private static <T> T in(Locale language, Supplier<T> written) {
        LocaleContextHolder.setLocale(language);
        try {
            return written.get();
        } finally {
            LocaleContextHolder.resetLocaleContext();
        }
    }

    private static String sessionCookie(SignedCookieSessions sessions) {
        var response = new MockHttpServletResponse();
        sessions.saveContext(new SecurityContextImpl(operator()), new MockHttpServletRequest(), response);
        return response.getCookie(SignedCookieSessions.COOKIE).getValue();
    }

    private static UsernamePasswordAuthenticationToken operator() {
        return UsernamePasswordAuthenticationToken.authenticated("operator", null,
                List.of(new SimpleGrantedAuthority("ROLE_OPERATOR")));
    }
}
