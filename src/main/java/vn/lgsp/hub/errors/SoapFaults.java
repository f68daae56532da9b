package vn.lgsp.hub.errors;

import javax.xml.namespace.QName;
import org.apache.cxf.binding.soap.SoapFault;
import org.slf4j.MDC;
import org.w3c.dom.Element;

/**
 * SOAP 1.1 faults carrying the hub's error code, correlation id and field errors in the fault detail
 * ({@code urn:lgsp-hub:fault}): the SOAP counterpart of {@link Problems}.
 */
public final class SoapFaults {

    public static final String NS = "urn:lgsp-hub:fault";
    private static final String SOAP_NS = "http://schemas.xmlsoap.org/soap/envelope/";

    private SoapFaults() {
    }

    /** A CXF fault for a failure raised while serving a SOAP request; never exposes internals. */
    public static SoapFault of(Throwable failure) {
        HubException hub = failure instanceof HubException h ? h
                : new HubException(ErrorCode.INTERNAL_ERROR, "The request could not be processed");
        SoapFault fault = new SoapFault(SafeText.printable(hub.code().name() + ": " + hub.getMessage()),
                new QName(SOAP_NS, hub.code().isClientError() ? "Client" : "Server"));
        Element detail = fault.getOrCreateDetail();
        Element info = detail.getOwnerDocument().createElementNS(NS, "f:HubFault");
        append(info, "code", hub.code().name());
        String correlationId = MDC.get(Problems.CORRELATION_ID);
        if (correlationId != null) {
            append(info, "correlationId", correlationId);
        }
        for (FieldError error : hub.fieldErrors()) {
            Element e = append(info, "error", SafeText.printable(error.message()));
            e.setAttribute("field", SafeText.printable(error.field()));
        }
        detail.appendChild(info);
        return fault;
    }

    /** A whole fault envelope, for errors answered before CXF is reached (authentication, size limit). */
    public static String envelope(ErrorCode code, String detail) {
        String correlationId = MDC.get(Problems.CORRELATION_ID);
        return "<soap:Envelope xmlns:soap=\"" + SOAP_NS + "\"><soap:Body><soap:Fault>"
                + "<faultcode>soap:" + (code.isClientError() ? "Client" : "Server") + "</faultcode>"
                + "<faultstring>" + escape(code.name() + ": " + detail) + "</faultstring>"
                + "<detail><f:HubFault xmlns:f=\"" + NS + "\"><f:code>" + code.name() + "</f:code>"
                + (correlationId == null ? "" : "<f:correlationId>" + escape(correlationId) + "</f:correlationId>")
                + "</f:HubFault></detail></soap:Fault></soap:Body></soap:Envelope>";
    }

    private static Element append(Element parent, String name, String text) {
        Element e = parent.getOwnerDocument().createElementNS(NS, "f:" + name);
        e.setTextContent(text);
        parent.appendChild(e);
        return e;
    }

    private static String escape(String s) {
        return SafeText.printable(s).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
