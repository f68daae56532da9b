package vn.lgsp.hub.platform;

import java.io.InputStream;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.cxf.staxutils.StaxUtils;
import vn.lgsp.hub.errors.ErrorCode;
import vn.lgsp.hub.errors.HubException;

/**
 * The one shape of SOAP request the hub accepts: an Envelope holding an optional Header and exactly one Body, and
 * nothing after it; no DTD and no processing instruction anywhere (WS-I Basic Profile R1011, R1008, R1009). CXF
 * reads the first Body and stops there, so a second Body, a second Header, an element after the Body or content
 * after the Envelope would otherwise pass unseen by the hub while whatever reads the whole message saw them.
 * The message is read by a StAX reader of CXF's own hardened factory (no DTD, no external entities, its depth and
 * size limits), configured as the one CXF parses the request with right after, so both see the same document.
 */
public final class SoapEnvelopeCheck {

    private static final Set<String> SOAP_NAMESPACES = Set.of("http://schemas.xmlsoap.org/soap/envelope/",
            "http://www.w3.org/2003/05/soap-envelope");
    /** CXF's hardened factory (thread-safe once configured): DTDs off, entities never resolved, CXF's limits. */
    private static final XMLInputFactory XML = StaxUtils.createXMLInputFactory(true);

    private SoapEnvelopeCheck() {
    }

    /**
     * Reads the whole message and throws a {@link HubException} if it is not one SOAP envelope of that shape:
     * {@code SOAP_ENVELOPE_INVALID}, or {@code MALFORMED_REQUEST} when it is not well-formed XML. A document
     * whose root is no SOAP Envelope is left to CXF, which answers it in its own terms (e.g. a version mismatch).
     *
     * @param encoding the charset of the request's Content-Type, as CXF reads it; null to detect it
     */
    public static void check(InputStream message, String encoding) {
        XMLStreamReader xml = null;
        Shape shape = new Shape();
        try {
            xml = encoding == null ? XML.createXMLStreamReader(message) : XML.createXMLStreamReader(message, encoding);
            while (xml.hasNext()) {
                if (!shape.next(xml, xml.next())) {
                    return;
                }
            }
            if (!shape.bodySeen) {
                throw invalid("the Envelope has no Body");
            }
        } catch (XMLStreamException e) {
            // past the Envelope's end the parser refuses a second root element or text: content after the Envelope
            throw shape.envelopeClosed ? invalid("content after the Envelope")
                    : new HubException(ErrorCode.MALFORMED_REQUEST, "The request is not well-formed XML");
        } finally {
            close(xml);
        }
    }

    private static void close(XMLStreamReader xml) {
        try {
            if (xml != null) {
                xml.close();
            }
        } catch (XMLStreamException e) {
            // the bytes are in memory: nothing to release
        }
    }

    private static HubException invalid(String why) {
        return new HubException(ErrorCode.SOAP_ENVELOPE_INVALID,
                "A SOAP request is one Envelope of an optional Header and exactly one Body: " + why);
    }

    /** Where the reader is in the envelope and what it has seen. */
    private static final class Shape {
        private int depth;
        private String soapNamespace;
        private boolean headerSeen;
        private boolean bodySeen;
        private boolean envelopeClosed;

        /** Takes one event; false when the document is no SOAP envelope and is left to CXF. */
        boolean next(XMLStreamReader xml, int event) {
            switch (event) {
                case XMLStreamConstants.DTD -> throw invalid("a DTD");
                case XMLStreamConstants.PROCESSING_INSTRUCTION -> throw invalid("a processing instruction");
                case XMLStreamConstants.START_ELEMENT -> {
                    depth++;
                    if (depth == 1) {
                        if (!"Envelope".equals(xml.getLocalName()) || !SOAP_NAMESPACES.contains(xml.getNamespaceURI())) {
                            return false;
                        }
                        soapNamespace = xml.getNamespaceURI();
                    } else if (depth == 2) {
                        child(xml);
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    depth--;
                    envelopeClosed = depth == 0;
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
                    if (depth == 1 && !xml.isWhiteSpace()) {
                        throw invalid("text in the Envelope");
                    }
                }
                default -> {
                    // whitespace, comments, entity references in the payload: nothing to the shape
                }
            }
            return true;
        }

        private void child(XMLStreamReader xml) {
            boolean soap = soapNamespace.equals(xml.getNamespaceURI());
            if (soap && "Header".equals(xml.getLocalName()) && !headerSeen && !bodySeen) {
                headerSeen = true;
            } else if (soap && "Body".equals(xml.getLocalName()) && !bodySeen) {
                bodySeen = true;
            } else if (bodySeen) {
                throw invalid("an element after the Body");
            } else {
                throw invalid("an element other than one Header and one Body");
            }
        }
    }
}
