package vn.lgsp.hub.registries;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.lgsp.hub.platform.Masking;

/** Personal data is masked before it reaches a log line. */
class MaskingTest {

    @Test
    void identifiersKeepOnlyTheirEnds() {
        assertThat(Masking.identifier("001203012345")).isEqualTo("001*******45");
        assertThat(Masking.identifier("0100233488")).isEqualTo("010*****88");
        assertThat(Masking.identifier("1234")).isEqualTo("****");
        assertThat(Masking.identifier(null)).isNull();
    }

    @Test
    void namesKeepOnlyInitials() {
        assertThat(Masking.name("Nguyễn Thị Hoà")).isEqualTo("N. T. H.");
        assertThat(Masking.name(" Đặng  Văn Ơn ")).isEqualTo("Đ. V. Ơ.");
    }
}
