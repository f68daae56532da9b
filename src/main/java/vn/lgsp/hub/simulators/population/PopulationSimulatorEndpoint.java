package vn.lgsp.hub.simulators.population;

import jakarta.xml.ws.Provider;
import jakarta.xml.ws.ServiceMode;
import jakarta.xml.ws.WebServiceProvider;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.xml.namespace.QName;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.Source;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMResult;
import javax.xml.transform.dom.DOMSource;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.bus.extension.ExtensionManagerBus;
import org.apache.cxf.jaxws.EndpointImpl;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.PhaseInterceptorChain;
import org.apache.cxf.transport.servlet.CXFServlet;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import vn.lgsp.hub.platform.HubProperties;

/**
 * The population simulator's SOAP service: a real CXF endpoint (JAX-WS Provider, PAYLOAD mode, schema-validated
 * against mappings/population/population-citizen.wsdl) served at {@code /sim/population/ws} by a CXFServlet with
 * a bus of its own, so it is apart from the hub's own SOAP endpoints under {@code /services} (other bus, other
 * servlet, open like every simulator).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "hub.simulators.enabled", havingValue = "true")
public class PopulationSimulatorEndpoint {

    static final String NS = "http://dancuquocgia.bca";
    public static final String PATH = "/sim/population/ws";

    /** The simulator's own CXF bus, shut down with the context; deliberately not a {@link Bus} bean. */
    static final class PrivateBus implements DisposableBean {
        final ExtensionManagerBus bus = new ExtensionManagerBus();

        @Override
        public void destroy() {
            bus.shutdown(true);
        }
    }

    /** The hub's CXF bus is asked for first, so it stays the default bus; the simulator's is private. */
    @Bean
    PrivateBus populationSimulatorBus(Bus hubBus) {
        PrivateBus privateBus = new PrivateBus();
        privateBus.bus.initialize();
        return privateBus;
    }

    @Bean
    ServletRegistrationBean<CXFServlet> populationSimulatorServlet(PrivateBus privateBus,
                                                                   PopulationSimulator simulator,
                                                                   HubProperties properties) {
        Bus bus = privateBus.bus;
        Bus previous = BusFactory.getThreadDefaultBus(false);
        try {
            BusFactory.setThreadDefaultBus(bus);
            EndpointImpl endpoint = new EndpointImpl(bus, new DanCuService(simulator));
            endpoint.setWsdlLocation(wsdl(properties));
            endpoint.setServiceName(new QName(NS, "DanCuService"));
            endpoint.setEndpointName(new QName(NS, "DanCuPort"));
            endpoint.getProperties().put("schema-validation-enabled", true);
            endpoint.publish("/");
        } finally {
            BusFactory.setThreadDefaultBus(previous);
        }
        CXFServlet servlet = new CXFServlet();
        servlet.setBus(bus);
        ServletRegistrationBean<CXFServlet> registration = new ServletRegistrationBean<>(servlet, PATH + "/*");
        registration.setName("populationSimulatorCxf");
        registration.setLoadOnStartup(1);
        return registration;
    }

    private static String wsdl(HubProperties properties) {
        String dir = properties.mappingsDir().replaceFirst("^file:", "");
        return Path.of(dir, "population", "population-citizen.wsdl").toAbsolutePath().toUri().toString();
    }

    /** TraCuuThongTinCongDan served from the simulator's synthetic population. */
    @WebServiceProvider(serviceName = "DanCuService", portName = "DanCuPort", targetNamespace = NS)
    @ServiceMode(jakarta.xml.ws.Service.Mode.PAYLOAD)
    public static class DanCuService implements Provider<Source> {

        // Factories are costly to create (Saxon is the default TransformerFactory here) and not thread-safe.
        private static final ThreadLocal<javax.xml.transform.Transformer> COPY = ThreadLocal.withInitial(() -> {
            try {
                return TransformerFactory.newInstance().newTransformer();
            } catch (javax.xml.transform.TransformerConfigurationException e) {
                throw new IllegalStateException(e);
            }
        });
        private static final ThreadLocal<javax.xml.parsers.DocumentBuilder> BUILDER = ThreadLocal.withInitial(() -> {
            try {
                return DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder();
            } catch (javax.xml.parsers.ParserConfigurationException e) {
                throw new IllegalStateException(e);
            }
        });

        private final PopulationSimulator simulator;

        DanCuService(PopulationSimulator simulator) {
            this.simulator = simulator;
        }

        @Override
        public Source invoke(Source request) {
            Element body = dom(request);
            Optional<SyntheticCitizens.Person> person = simulator.lookup(text(body, "MaYeuCau"),
                    text(body, "SoDinhDanh"), headers());
            Document doc = BUILDER.get().newDocument();
            Element response = el(doc, doc, "TraCuuThongTinCongDanResponse", null);
            Element collection = el(doc, response, "CongdanCollection", null);
            person.ifPresent(p -> citizen(doc, collection, p));
            return new DOMSource(doc);
        }

        private static void citizen(Document doc, Element parent, SyntheticCitizens.Person p) {
            Element c = el(doc, parent, "CongDan", null);
            el(doc, c, "SoDinhDanh", p.personalId());
            if (p.legacyId() != null) {
                el(doc, c, "SoCMND", p.legacyId());
            }
            Element name = el(doc, c, "HoVaTen", null);
            el(doc, name, "Ho", p.family());
            el(doc, name, "ChuDem", p.middle());
            el(doc, name, "Ten", p.given());
            el(doc, c, "GioiTinh", Integer.toString(p.gender()));
            el(doc, c, "DanToc", p.ethnicity());
            el(doc, c, "TonGiao", "Không");
            Element birth = el(doc, c, "NgayThangNamSinh", null);
            if (p.yearOnly()) {
                el(doc, birth, "Nam", Integer.toString(p.birthDate().getYear()));
            } else {
                el(doc, birth, "NgayThangNam", p.birthDate().toString().replace("-", ""));
            }
            address(doc, c, "QueQuan", p, p.hometown());
            address(doc, c, "ThuongTru", p, p.permanentAddress());
            address(doc, c, "NoiOHienTai", p, p.currentAddress());
            el(doc, c, "QuocTich", "Việt Nam");
        }

        private static void address(Document doc, Element parent, String name, SyntheticCitizens.Person p,
                                    String text) {
            Element a = el(doc, parent, name, null);
            el(doc, a, "MaTinhThanh", p.province().adminCode());
            el(doc, a, "MaPhuongXa", vn.lgsp.hub.simulators.support.SyntheticVietnam.wardCode(text));
            el(doc, a, "ChiTiet", text);
            el(doc, a, "QuocGia", "VN");
        }

        private static Element el(Document doc, Node parent, String name, String text) {
            Element e = doc.createElementNS(NS, "dc:" + name);
            if (text != null) {
                e.setTextContent(text);
            }
            parent.appendChild(e);
            return e;
        }

        private static Element dom(Source source) {
            if (source instanceof DOMSource dom && dom.getNode() != null) {
                Node node = dom.getNode();
                return node instanceof Document d ? d.getDocumentElement() : (Element) node;
            }
            try {
                DOMResult result = new DOMResult();
                COPY.get().transform(source, result);
                Node node = result.getNode();
                return node instanceof Document d ? d.getDocumentElement() : (Element) node;
            } catch (javax.xml.transform.TransformerException e) {
                throw PopulationSimulator.fault("Client", "Yêu cầu không đọc được");
            }
        }

        private static String text(Element body, String name) {
            var nodes = body.getElementsByTagNameNS(NS, name);
            return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent().strip();
        }

        @SuppressWarnings("unchecked")
        private static Map<String, String> headers() {
            Map<String, String> lower = new TreeMap<>();
            Message message = PhaseInterceptorChain.getCurrentMessage();
            Object protocol = message == null ? null : message.get(Message.PROTOCOL_HEADERS);
            if (protocol instanceof Map<?, ?> map) {
                ((Map<String, List<String>>) map).forEach((k, v) -> {
                    if (k != null && v != null && !v.isEmpty()) {
                        lower.put(k.toLowerCase(Locale.ROOT), v.get(0));
                    }
                });
            }
            return lower;
        }
    }
}
