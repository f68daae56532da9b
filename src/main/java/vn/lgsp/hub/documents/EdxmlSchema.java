package vn.lgsp.hub.documents;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import org.xml.sax.SAXException;
import vn.lgsp.hub.platform.HubProperties;

/** The edXML schema kept in {@code mappings/docaxis/edxml.xsd}; validates package files as streams. */
@Component
public class EdxmlSchema {

    public static final String FILE = "docaxis/edxml.xsd";

    private final Schema schema;

    @Autowired
    public EdxmlSchema(HubProperties hub) {
        this(hub.mappingsDir());
    }

    /** The schema under this mappings directory. */
    public EdxmlSchema(String mappingsDir) {
        Resource xsd = new DefaultResourceLoader().getResource(mappingsDir + "/" + FILE);
        try (InputStream in = xsd.getInputStream()) {
            this.schema = SafeXml.schema(new StreamSource(in, xsd.getDescription()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + xsd, e);
        }
    }

    /** Validates a package file; a violation raises {@link EdxmlRejected} with the schema's reason. */
    public void validate(Path packageFile) {
        try (InputStream in = Files.newInputStream(packageFile)) {
            SafeXml.validator(schema).validate(new StreamSource(in));
        } catch (SAXException e) {
            String message = e.getMessage() == null ? "invalid" : e.getMessage();
            throw new EdxmlRejected("not valid edXML: " + (message.length() > 300 ? message.substring(0, 300) : message));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
