package vn.lgsp.hub.platform;

import java.util.Map;
import java.util.function.Supplier;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.stream.XMLEventFactory;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.transform.TransformerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Pins each XML factory to the implementation the standard lookup finds, once, at start-up. Without a system
 * property the lookup scans every jar on the class path for a service file at each {@code newInstance()} — and
 * Camel's XSLT step, Saxon and CXF ask for new parser and transformer factories on every registry call, which
 * made the scan a visible share of a lookup's CPU. Behaviour is unchanged: the property names the class the scan
 * found (Saxon for transformations, Woodstox for StAX, the JDK's parsers); a property already set is kept. Only
 * classes the system class loader sees are pinned: in the packaged jar Saxon and Woodstox live in a nested class
 * loader, and a thread whose context class loader is the system one would then fail to load a pinned name where
 * the scan falls back quietly — there the JDK's factories are pinned and the others keep the scan.
 */
@Component
public class JaxpFactories {

    private static final Logger log = LoggerFactory.getLogger(JaxpFactories.class);

    private static final Map<String, Supplier<Object>> LOOKUPS = Map.of(
            "javax.xml.transform.TransformerFactory", TransformerFactory::newInstance,
            "javax.xml.parsers.SAXParserFactory", SAXParserFactory::newInstance,
            "javax.xml.parsers.DocumentBuilderFactory", DocumentBuilderFactory::newInstance,
            "javax.xml.stream.XMLInputFactory", XMLInputFactory::newFactory,
            "javax.xml.stream.XMLOutputFactory", XMLOutputFactory::newFactory,
            "javax.xml.stream.XMLEventFactory", XMLEventFactory::newFactory,
            "javax.xml.datatype.DatatypeFactory", JaxpFactories::datatypeFactory);

    public JaxpFactories() {
        LOOKUPS.forEach((property, lookup) -> {
            if (System.getProperty(property) == null) {
                Class<?> found = lookup.get().getClass();
                if (visibleToEveryThread(found)) {
                    System.setProperty(property, found.getName());
                    log.debug("XML factory {} pinned to {}", property, found.getName());
                }
            }
        });
    }

    private static boolean visibleToEveryThread(Class<?> type) {
        try {
            return Class.forName(type.getName(), false, ClassLoader.getSystemClassLoader()) == type;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static Object datatypeFactory() {
        try {
            return DatatypeFactory.newInstance();
        } catch (javax.xml.datatype.DatatypeConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }
}
