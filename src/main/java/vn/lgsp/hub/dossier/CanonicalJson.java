package vn.lgsp.hub.dossier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import vn.lgsp.hub.errors.ErrorCode;
import vn.lgsp.hub.errors.FieldError;
import vn.lgsp.hub.errors.HubException;

/**
 * The canonical JSON form: strict parsing (no unknown fields, no duplicate keys, no type coercion) with errors
 * that name the field, and the serialisation the hub stores and sends.
 */
@Component
public class CanonicalJson {

    private final ObjectMapper mapper;

    public CanonicalJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public <T> T parse(String json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw describe(e);
        }
    }

    public String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    /**
     * SHA-256 of the canonical form's UTF-8 bytes, to recognise a repeated request. The form is streamed into the
     * digest (the same bytes as {@code write(value).getBytes(UTF_8)}, without a copy of a large dossier in memory).
     */
    public String hash(Object value) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            try (Writer utf8 = new OutputStreamWriter(new DigestOutputStream(OutputStream.nullOutputStream(), sha256),
                    StandardCharsets.UTF_8)) {
                mapper.writeValue(utf8, value);
            }
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException | IOException e) {
            throw new IllegalStateException("Cannot hash " + value.getClass().getSimpleName(), e);
        }
    }

    /** A precise, input-free description of why a JSON body could not be read. */
    public static HubException describe(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            String field = path(unknown);
            return new HubException(ErrorCode.VALIDATION_FAILED, "The request has a field the hub does not know",
                    List.of(new FieldError(field, "is not a known field")));
        }
        if (e instanceof InvalidFormatException || e instanceof MismatchedInputException) {
            JsonMappingException de = (JsonMappingException) e;
            String field = path(de);
            if (!field.isEmpty()) {
                String expected = e instanceof MismatchedInputException m && m.getTargetType() != null
                        ? expectedType(m.getTargetType()) : "a value of another type";
                return new HubException(ErrorCode.VALIDATION_FAILED, "A field has the wrong type",
                        List.of(new FieldError(field, "must be " + expected)));
            }
        }
        var location = e.getLocation();
        String where = location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
        String what = e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field")
                ? "a field appears twice" : "it is not well-formed JSON";
        return new HubException(ErrorCode.MALFORMED_REQUEST, "The request body cannot be read: " + what + where);
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String expectedType(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        if (Number.class.isAssignableFrom(type) || type == int.class || type == long.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "an ISO-8601 date" + (type == java.time.LocalDate.class ? " (yyyy-MM-dd)" : "-time with offset");
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "an object";
    }
}
