package vn.lgsp.hub.platform;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.camel.component.cxf.jaxws.CxfConfigurer;
import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.endpoint.Client;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.frontend.AbstractWSDLBasedEndpointFactory;
import org.apache.cxf.interceptor.StaxInInterceptor;
import org.apache.cxf.io.DelegatingInputStream;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.springframework.stereotype.Component;
import vn.lgsp.hub.errors.ErrorCode;
import vn.lgsp.hub.errors.HubException;
import vn.lgsp.hub.errors.SoapFaults;

/**
 * Every SOAP endpoint the hub serves (template {@code soap-intake}, option {@code cxfConfigurer: "#soapEnvelopeGuard"})
 * refuses a request that is not one envelope of an optional Header and exactly one Body ({@link SoapEnvelopeCheck})
 * with a SOAP Client fault carrying the hub's code and correlation id, before CXF parses it and before the route
 * runs, so nothing of it is stored. The hub's CXF clients are not touched.
 */
@Component("soapEnvelopeGuard")
public class SoapEnvelopeGuard implements CxfConfigurer {

    private final EnvelopeInterceptor interceptor;

    public SoapEnvelopeGuard(HubProperties properties) {
        this.interceptor = new EnvelopeInterceptor(properties.intake().maxBodySize().toBytes());
    }

    @Override
    public void configure(AbstractWSDLBasedEndpointFactory factoryBean) {
        // the endpoint is configured by the route's URI
    }

    @Override
    public void configureClient(Client client) {
        // a guard of the endpoints the hub serves only
    }

    @Override
    public void configureServer(Server server) {
        server.getEndpoint().getInInterceptors().add(interceptor);
    }

    /**
     * Reads the request whole, checks it and hands CXF the same bytes. It runs just before CXF's StAX reader is made,
     * after the transport (and attachments, if any) have given the message its stream: CXF itself reads only up to
     * the end of the first Body, so a later phase would never see what follows. The copy is bounded by
     * {@code hub.intake.max-body-size}, which the edge filter already enforces while the body streams.
     */
    static final class EnvelopeInterceptor extends AbstractPhaseInterceptor<Message> {
        private final int limit;

        EnvelopeInterceptor(long limit) {
            super(Phase.POST_STREAM);
            addBefore(StaxInInterceptor.class.getName());
            this.limit = (int) Math.min(limit, Integer.MAX_VALUE - 16);
        }

        @Override
        public void handleMessage(Message message) {
            InputStream content = message.getContent(InputStream.class);
            if (isGET(message) || content == null) {
                return;
            }
            InputStream stream = content instanceof DelegatingInputStream delegating ? delegating.getInputStream()
                    : content;
            byte[] body = read(stream);
            try {
                SoapEnvelopeCheck.check(new ByteArrayInputStream(body), (String) message.get(Message.ENCODING));
            } catch (HubException refused) {
                throw SoapFaults.of(refused);
            }
            if (content instanceof DelegatingInputStream delegating) {
                delegating.setInputStream(new ByteArrayInputStream(body));
            } else {
                message.setContent(InputStream.class, new ByteArrayInputStream(body));
            }
        }

        private byte[] read(InputStream stream) {
            byte[] body;
            try (stream) {
                body = stream.readNBytes(limit + 1);
            } catch (BodySizeLimitFilter.PayloadTooLargeException e) {
                throw tooLarge();
            } catch (IOException e) {
                throw SoapFaults.of(new HubException(ErrorCode.MALFORMED_REQUEST, "The request body could not be read", e));
            }
            if (body.length > limit) {
                throw tooLarge();
            }
            return body;
        }

        private SoapFault tooLarge() {
            SoapFault fault = SoapFaults.of(new HubException(ErrorCode.PAYLOAD_TOO_LARGE,
                    "The request body exceeds the limit of " + limit + " bytes"));
            fault.setStatusCode(ErrorCode.PAYLOAD_TOO_LARGE.status().value());
            return fault;
        }
    }
}
