package vn.lgsp.hub.security;

import org.apache.catalina.connector.Connector;
import org.apache.coyote.http11.Http11NioProtocol;
import org.apache.tomcat.util.net.SSLHostConfig;
import org.apache.tomcat.util.net.SSLHostConfigCertificate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Optional second connector for the SOAP endpoints with mutual TLS ({@code hub.security.mtls.port}): TLS with a client
 * certificate required and verified against {@code hub.security.mtls.trust-store}; the certificate's subject then
 * identifies the registered system ({@code hub.clients.<id>.certificate-subjects}). The plain port stays as it is,
 * so the REST API, the demo's simulators and the health checks are unaffected.
 */
@Component
@ConditionalOnProperty(name = "hub.security.mtls.port")
public class MutualTlsConnector implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private final SecurityProperties.Mtls mtls;

    public MutualTlsConnector(SecurityProperties security) {
        this.mtls = security.mtls();
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        Connector connector = new Connector(TomcatServletWebServerFactory.DEFAULT_PROTOCOL);
        connector.setPort(required(mtls.port(), "port"));
        connector.setScheme("https");
        connector.setSecure(true);
        Http11NioProtocol protocol = (Http11NioProtocol) connector.getProtocolHandler();
        protocol.setSSLEnabled(true);
        SSLHostConfig ssl = new SSLHostConfig();
        ssl.setCertificateVerification("required");
        ssl.setProtocols("TLSv1.2+TLSv1.3");
        ssl.setTruststoreFile(required(mtls.trustStore(), "trust-store"));
        ssl.setTruststorePassword(required(mtls.trustStorePassword(), "trust-store-password"));
        ssl.setTruststoreType("PKCS12");
        SSLHostConfigCertificate certificate = new SSLHostConfigCertificate(ssl, SSLHostConfigCertificate.Type.UNDEFINED);
        certificate.setCertificateKeystoreFile(required(mtls.keyStore(), "key-store"));
        certificate.setCertificateKeystorePassword(required(mtls.keyStorePassword(), "key-store-password"));
        certificate.setCertificateKeystoreType("PKCS12");
        ssl.addCertificate(certificate);
        protocol.addSslHostConfig(ssl);
        factory.addAdditionalTomcatConnectors(connector);
    }

    private static <T> T required(T value, String key) {
        if (value == null || value.toString().isBlank()) {
            throw new IllegalStateException("hub.security.mtls." + key + " must be set when hub.security.mtls.port is");
        }
        return value;
    }
}
