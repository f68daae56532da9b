package vn.lgsp.hub.documents;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXNotRecognizedException;
import org.xml.sax.SAXNotSupportedException;

/**
 * The only place the document flow creates XML parsers, each hardened: no DTD, no external entities or schemas,
 * no entity expansion. Element depth and text size are limited by {@link EdxmlReader} itself.
 */
public final class SafeXml {

    private SafeXml() {
    }

    /** A StAX input factory that refuses DTDs and never resolves entities. */
    public static XMLInputFactory inputFactory() {
        XMLInputFactory factory = XMLInputFactory.newInstance();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        factory.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new javax.xml.stream.XMLStreamException("external resources are not allowed");
        });
        return factory;
    }

    public static XMLOutputFactory outputFactory() {
        return XMLOutputFactory.newInstance();
    }

    /** Compiles a schema that may not reach outside itself. */
    public static Schema schema(StreamSource xsd) {
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return factory.newSchema(xsd);
        } catch (SAXException e) {
            throw new IllegalStateException("Cannot compile schema " + xsd.getSystemId(), e);
        }
    }

    /** A validator that refuses DTDs (and so entity tricks) in the validated document. */
    public static Validator validator(Schema schema) {
        Validator validator = schema.newValidator();
        try {
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            validator.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        } catch (SAXNotRecognizedException | SAXNotSupportedException e) {
            throw new IllegalStateException("XML validator cannot be hardened", e);
        }
        return validator;
    }
}
