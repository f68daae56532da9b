package vn.lgsp.hub.canonical;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.lgsp.hub.canonical.validation.Identifiers;

class IdentifiersTest {

    @ParameterizedTest
    @ValueSource(strings = {"0100233488", "0314409058", "0100112437", "0312687878", "0100233488-001", "0100233488-999"})
    void validEnterpriseCodes(String code) {
        assertThat(Identifiers.isEnterpriseCode(code)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0100233489", "0100233480", "010023348", "01002334888", "0100233488-000", "0100233488-01",
            "01002334a8", "", " 0100233488"})
    void invalidEnterpriseCodes(String code) {
        assertThat(Identifiers.isEnterpriseCode(code)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0000000000", "1000000000"})
    void checkDigitOfTenIsInvalid(String code) {
        // 0*31+...+0*3 = 0 -> 0 mod 11 = 0 -> c = 10, which is no digit.
        assertThat(Identifiers.isEnterpriseCode(code)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"002190012345", "079203001122"})
    void validPersonalIds(String id) {
        assertThat(Identifiers.isPersonalId(id)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"00219001234", "0021900123456", "00219001234A", "１２３４５６７８９０１２"})
    void invalidPersonalIds(String id) {
        assertThat(Identifiers.isPersonalId(id)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"H15.50.05.13", "000.00.00.H22", "H15"})
    void bothAgencyCodeSyntaxes(String code) {
        assertThat(Identifiers.isAgencyCode(code)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"H15..13", ".H15", "H15 50", "H15/50", "<script>"})
    void malformedAgencyCodes(String code) {
        assertThat(Identifiers.isAgencyCode(code)).isFalse();
    }
}
