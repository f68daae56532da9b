package vn.lgsp.hub.mappings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Base64;
import vn.lgsp.hub.adapters.docaxis.DocAxisProperties;
import vn.lgsp.hub.documents.DocumentRequest;
import vn.lgsp.hub.documents.Edxml;
import vn.lgsp.hub.documents.EdxmlMapping;
import vn.lgsp.hub.documents.EdxmlReader;
import vn.lgsp.hub.documents.EdxmlWriter;

/** The edXML mappings as string-to-string functions for the golden-file kit. */
final class EdxmlGoldenMappings {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private EdxmlGoldenMappings() {
    }

    /**
     * Input: {documentId, dossierCode, hub{id,name}, agency{place,codeNotation,type,typeName,priority}, at, request}
     * (attachments inline base64).
     */
    static String canonicalToEdxml(String input) {
        try {
            JsonNode in = JSON.readTree(input);
            DocumentRequest request = JSON.treeToValue(in.get("request"), DocumentRequest.class);
            Edxml.Document document = EdxmlMapping.toEdxml(in.get("documentId").asText(), in.get("dossierCode").asText(),
                    request, new Edxml.Organ(in.at("/hub/id").asText(), in.at("/hub/name").asText()),
                    JSON.treeToValue(in.get("agency"), DocAxisProperties.Document.class),
                    OffsetDateTime.parse(in.get("at").asText()),
                    a -> () -> new ByteArrayInputStream(Base64.getDecoder().decode(a.base64())));
            var out = new ByteArrayOutputStream();
            EdxmlWriter.writeDocument(document, out);
            return out.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String edxmlToCanonical(String input) {
        try {
            Path temp = Files.createTempDirectory("edxml-golden");
            Edxml.Received received = new EdxmlReader(32, 10_000_000, temp)
                    .read(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
            try {
                return JSON.writeValueAsString(EdxmlMapping.describe(received));
            } finally {
                EdxmlReader.discard(received.attachments());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
