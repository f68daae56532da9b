package vn.lgsp.hub.platform;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.text.Normalizer;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every JSON string the hub reads is normalised to Unicode NFC, so a Vietnamese name typed with combining marks
 * (NFD, as some systems send it) is stored, compared and forwarded as the same name composed (NFC). The parser is
 * bounded: nesting, number and field-name lengths far below Jackson's defaults, so a hostile body fails fast.
 */
@Configuration(proxyBeanMethods = false)
public class JsonConfiguration {

    static final int MAX_NESTING_DEPTH = 64;
    static final int MAX_NUMBER_LENGTH = 64;
    static final int MAX_NAME_LENGTH = 1000;

    @Bean
    Jackson2ObjectMapperBuilderCustomizer boundedJsonParser() {
        return builder -> builder.postConfigurer(mapper -> mapper.getFactory().setStreamReadConstraints(
                StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).maxNumberLength(MAX_NUMBER_LENGTH)
                        .maxNameLength(MAX_NAME_LENGTH).build()));
    }

    @Bean
    Module nfcStrings() {
        return new SimpleModule("nfc-strings").addDeserializer(String.class, new NfcStringDeserializer());
    }

    static final class NfcStringDeserializer extends StdScalarDeserializer<String> {


        NfcStringDeserializer() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = parser.hasToken(JsonToken.VALUE_STRING) ? parser.getText()
                    : StringDeserializer.instance.deserialize(parser, context);
            if (value != null && hasControlCharacter(value)) {
                // NUL and other control characters have no place in a dossier and break systems downstream.
                throw context.weirdStringException(value, String.class, "must not contain control characters");
            }
            return value == null || Normalizer.isNormalized(value, Normalizer.Form.NFC) ? value
                    : Normalizer.normalize(value, Normalizer.Form.NFC);
        }

        /** C0 controls but tab, LF and CR (free text may have lines), and DEL; a loop, as every string passes here. */
        static boolean hasControlCharacter(String value) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7F) {
                    return true;
                }
            }
            return false;
        }
    }
}
