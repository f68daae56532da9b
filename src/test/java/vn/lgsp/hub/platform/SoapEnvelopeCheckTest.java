package vn.lgsp.hub.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.message.Message;
import org.apache.cxf.message.MessageImpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.lgsp.hub.errors.ErrorCode;
import vn.lgsp.hub.errors.HubException;

/** The envelope shape every SOAP request must have, and the CXF interceptor that enforces it. */
class SoapEnvelopeCheckTest {

    private static final String OPEN = "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\">";
    private static final String CLOSE = "</s:Envelope>";
    private static final String HEADER = "<s:Header><h:Trace xmlns:h=\"urn:h\">1</h:Trace></s:Header>";
    private static final String BODY = "<s:Body><hs:GuiHoSo xmlns:hs=\"urn:lgsp:sector:civil:v1\"><hs:MaTTHC>1.001193"
            + "</hs:MaTTHC></hs:GuiHoSo></s:Body>";
    private static final String SMUGGLED = "<s:Body><hs:GuiHoSo xmlns:hs=\"urn:lgsp:sector:civil:v1\"><hs:MaTTHC>evil"
            + "</hs:MaTTHC></hs:GuiHoSo></s:Body>";

    @Test
    void anEnvelopeWithOrWithoutHeaderPasses() {
        assertThatCode(() -> check(OPEN + BODY + CLOSE)).doesNotThrowAnyException();
        assertThatCode(() -> check("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- sent by the sector -->" + OPEN
                + "\n  " + HEADER + "\n  <!-- c -->" + BODY + "\n" + CLOSE + "\n<!-- end -->\n"))
                .doesNotThrowAnyException();
        assertThatCode(() -> check(OPEN + "<s:Body/>" + CLOSE)).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "a second Body                 | " + OPEN + BODY + SMUGGLED + CLOSE,
        "an empty second Body          | " + OPEN + BODY + "<s:Body/>" + CLOSE,
        "a second Header               | " + OPEN + HEADER + HEADER + BODY + CLOSE,
        "a Header after the Body       | " + OPEN + BODY + HEADER + CLOSE,
        "an element after the Body     | " + OPEN + BODY + "<x:Extra xmlns:x=\"urn:x\">evil</x:Extra>" + CLOSE,
        "an element before the Body    | " + OPEN + "<x:Extra xmlns:x=\"urn:x\"/>" + BODY + CLOSE,
        "a Body of another namespace   | " + OPEN + "<b:Body xmlns:b=\"urn:b\"/>" + BODY + CLOSE,
        "text in the Envelope          | " + OPEN + BODY + "evil" + CLOSE,
        "no Body                       | " + OPEN + HEADER + CLOSE,
        "a second Envelope after it    | " + OPEN + BODY + CLOSE + OPEN + SMUGGLED + CLOSE,
        "a Body after the Envelope     | " + OPEN + BODY + CLOSE + "<s:Body xmlns:s=\"urn:s\"/>",
        "text after the Envelope       | " + OPEN + BODY + CLOSE + "evil",
        "a processing instruction      | " + OPEN + BODY + CLOSE + "<?evil x?>",
        "a DTD                         | <!DOCTYPE s:Envelope [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>" + OPEN + BODY
                + CLOSE,
        "two Bodies in SOAP 1.2        | <e:Envelope xmlns:e=\"http://www.w3.org/2003/05/soap-envelope\"><e:Body/>"
                + "<e:Body/></e:Envelope>"})
    void everySmugglingShapeIsRefused(String shape, String envelope) {
        assertThat(refusal(envelope)).as(shape).isEqualTo(ErrorCode.SOAP_ENVELOPE_INVALID);
    }

    @Test
    void notWellFormedXmlIsMalformed() {
        assertThat(refusal(OPEN + BODY)).isEqualTo(ErrorCode.MALFORMED_REQUEST);
        assertThat(refusal("")).isEqualTo(ErrorCode.MALFORMED_REQUEST);
        assertThat(refusal("this is not XML")).isEqualTo(ErrorCode.MALFORMED_REQUEST);
    }

    @Test
    void invalidUtf8AnywhereIsMalformed() {
        byte[] inPayload = (OPEN + BODY.replace("1.001193", "\u00e9") + CLOSE).getBytes(StandardCharsets.UTF_8);
        byte[] inEnvelope = (OPEN + "\u00e9" + BODY + CLOSE).getBytes(StandardCharsets.UTF_8);
        for (byte[] xml : new byte[][] {inPayload, inEnvelope}) {
            xml[new String(xml, StandardCharsets.UTF_8).indexOf('\u00e9') + 1] = 0x28; // C3 28: not UTF-8
            HubException refused = catchThrowableOfType(HubException.class,
                    () -> SoapEnvelopeCheck.check(new ByteArrayInputStream(xml), "UTF-8"));
            assertThat(refused.code()).isEqualTo(ErrorCode.MALFORMED_REQUEST);
        }
    }

    @Test
    void aRootThatIsNoSoapEnvelopeIsLeftToCxf() {
        assertThatCode(() -> check("<Envelope><Body/><Body/></Envelope>")).doesNotThrowAnyException();
    }

    @Test
    void aHugeValidEnvelopePasses() {
        String huge = OPEN + HEADER + BODY.replace("1.001193", "x".repeat(9_000_000)) + CLOSE;
        assertThatCode(() -> check(huge)).doesNotThrowAnyException();
    }

    @Test
    void theInterceptorHandsCxfTheSameBytes() throws IOException {
        String envelope = OPEN + HEADER + BODY + CLOSE;
        Message message = message(envelope);

        new SoapEnvelopeGuard.EnvelopeInterceptor(10_000).handleMessage(message);

        assertThat(new String(message.getContent(InputStream.class).readAllBytes(), StandardCharsets.UTF_8))
                .isEqualTo(envelope);
    }

    @Test
    void theInterceptorAnswersASmuggledBodyWithAClientFault() {
        SoapFault fault = catchThrowableOfType(SoapFault.class, () -> new SoapEnvelopeGuard.EnvelopeInterceptor(10_000)
                .handleMessage(message(OPEN + BODY + "<s:Body/>" + CLOSE)));

        assertThat(fault.getFaultCode().getLocalPart()).isEqualTo("Client");
        assertThat(fault.getDetail().getTextContent()).contains("SOAP_ENVELOPE_INVALID");
    }

    @Test
    void theInterceptorBuffersNoMoreThanTheBodySizeLimit() {
        SoapFault fault = catchThrowableOfType(SoapFault.class, () -> new SoapEnvelopeGuard.EnvelopeInterceptor(100)
                .handleMessage(message(OPEN + BODY + CLOSE)));

        assertThat(fault.getStatusCode()).isEqualTo(413);
        assertThat(fault.getDetail().getTextContent()).contains("PAYLOAD_TOO_LARGE");
    }

    private static Message message(String body) {
        Message message = new MessageImpl();
        message.put(Message.HTTP_REQUEST_METHOD, "POST");
        message.put(Message.ENCODING, "UTF-8");
        message.setContent(InputStream.class, new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
        return message;
    }

    private static void check(String envelope) {
        SoapEnvelopeCheck.check(new ByteArrayInputStream(envelope.getBytes(StandardCharsets.UTF_8)), "UTF-8");
    }

    private static ErrorCode refusal(String envelope) {
        HubException refused = catchThrowableOfType(HubException.class, () -> check(envelope));
        return refused == null ? null : refused.code();
    }
}
