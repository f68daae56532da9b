package vn.lgsp.hub.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The request hash stays what idempotency keys stored before it was streamed: SHA-256 of the form's UTF-8 bytes. */
class CanonicalJsonTest {

    final CanonicalJson json = new CanonicalJson(new ObjectMapper().findAndRegisterModules());

    @Test
    void theHashIsTheSha256OfTheWrittenFormsUtf8Bytes() throws Exception {
        for (Object value : new Object[] {
                Map.of("fullName", "Nguyễn Thị Hoà", "summary", "Đăng ký biến động ".repeat(5_000)),
                Map.of("emoji", "hồ sơ \uD83D\uDCC4", "lone", "a\uD800b")}) { // a lone surrogate, as a JSON escape allows
            byte[] expected = MessageDigest.getInstance("SHA-256")
                    .digest(json.write(value).getBytes(StandardCharsets.UTF_8));
            assertThat(json.hash(value)).isEqualTo(HexFormat.of().formatHex(expected));
        }
        assertThat(json.hash(Map.of("a", "1"))).isNotEqualTo(json.hash(Map.of("a", "2")));
    }
}
