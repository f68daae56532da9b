package vn.lgsp.hub.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApiKeysTest {

    @Test
    void storedHashMatchesOnlyItsKey() {
        String stored = ApiKeys.hash("s4lt-01", "secret-key");

        assertThat(stored).startsWith("{s4lt-01}").hasSize("{s4lt-01}".length() + 64);
        assertThat(ApiKeys.matches(stored, "secret-key")).isTrue();
        assertThat(ApiKeys.matches(stored, "secret-kez")).isFalse();
        assertThat(ApiKeys.matches(stored, "")).isFalse();
    }

    @Test
    void sameKeyWithAnotherSaltGivesAnotherHash() {
        assertThat(ApiKeys.hash("salt-a", "k")).isNotEqualTo(ApiKeys.hash("salt-b", "k").replace("salt-b", "salt-a"));
    }

    @Test
    void malformedStoredValuesNeverMatch() {
        assertThat(ApiKeys.matches("plain-text-key", "plain-text-key")).isFalse();
        assertThat(ApiKeys.isWellFormed("{x}abc")).isFalse();
    }

    @Test
    void documentedDemoKeysAreRecognisedAsDemo() {
        assertThat(ApiKeys.isDemo(ApiKeys.hash(ApiKeys.DEMO_SALT, "demo-onestop-key"))).isTrue();
        assertThat(ApiKeys.isDemo(ApiKeys.hash("prod-2026", "x"))).isFalse();
    }
}
