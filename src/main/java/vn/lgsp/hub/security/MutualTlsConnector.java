package vn.lgsp.hub.security;

import org.apache.catalina.connector.Connector;
import org.apache.coyote.http11.Http11NioProtocol;
import org.apache.tomcat.util.net.SSLHostConfig;
import org.apache.tomcat.util.net.SSLHostConfigCertificate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.env.Environment;
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

    private final Environment env;

    public MutualTlsConnector(Environment env) {
        this.env = env;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        Connector connector = new Connector(TomcatServletWebServerFactory.DEFAULT_PROTOCOL);
        connector.setPort(env.getRequiredProperty("hub.security.mtls.port", Integer.class));
        connector.setScheme("https");
        connector.setSecure(true);
        Http11NioProtocol protocol = (Http11NioProtocol) connector.getProtocolHandler();
        protocol.setSSLEnabled(true);
        SSLHostConfig ssl = new SSLHostConfig();
        ssl.setCertificateVerification("required");
        ssl.setProtocols("TLSv1.2+TLSv1.3");
        ssl.setTruststoreFile(env.getRequiredProperty("hub.security.mtls.trust-store"));
        ssl.setTruststorePassword(env.getRequiredProperty("hub.security.mtls.trust-store-password"));
        ssl.setTruststoreType("PKCS12");
        SSLHostConfigCertificate certificate = new SSLHostConfigCertificate(ssl, SSLHostConfigCertificate.Type.UNDEFINED);
        certificate.setCertificateKeystoreFile(env.getRequiredProperty("hub.security.mtls.key-store"));
        certificate.setCertificateKeystorePassword(env.getRequiredProperty("hub.security.mtls.key-store-password"));
        certificate.setCertificateKeystoreType("PKCS12");
        ssl.addCertificate(certificate);
        protocol.addSslHostConfig(ssl);
        factory.addAdditionalTomcatConnectors(connector);
    }
}
