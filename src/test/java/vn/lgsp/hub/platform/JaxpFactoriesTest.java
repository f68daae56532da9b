package vn.lgsp.hub.platform;

import static org.assertj.core.api.Assertions.assertThat;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.stream.XMLInputFactory;
import javax.xml.transform.TransformerFactory;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The XML factories are pinned to what the class-path scan finds, so behaviour stays and the scan goes. */
class JaxpFactoriesTest {

    private static final List<String> PROPERTIES = List.of("javax.xml.transform.TransformerFactory",
            "javax.xml.parsers.SAXParserFactory", "javax.xml.parsers.DocumentBuilderFactory",
            "javax.xml.stream.XMLInputFactory");

    @Test
    void eachFactoryIsPinnedToTheImplementationTheLookupFinds() {
        // A hub started earlier in this JVM pinned them already: start from the unpinned lookup.
        Map<String, String> earlier = new HashMap<>();
        PROPERTIES.forEach(p -> {
            if (System.getProperty(p) != null) {
                earlier.put(p, System.clearProperty(p));
            }
        });
        try {
            pinsWhatTheLookupFinds();
        } finally {
            earlier.forEach(System::setProperty);
        }
    }

    private static void pinsWhatTheLookupFinds() {
        PROPERTIES.forEach(p -> assertThat(System.getProperty(p)).as(p).isNull());
        String transformer = TransformerFactory.newInstance().getClass().getName();
        String sax = SAXParserFactory.newInstance().getClass().getName();
        String dom = DocumentBuilderFactory.newInstance().getClass().getName();
        String stax = XMLInputFactory.newFactory().getClass().getName();

        new JaxpFactories();

        assertThat(transformer).isEqualTo("net.sf.saxon.TransformerFactoryImpl");
        assertThat(stax).isEqualTo("com.ctc.wstx.stax.WstxInputFactory");
        assertThat(System.getProperty("javax.xml.transform.TransformerFactory")).isEqualTo(transformer);
        assertThat(System.getProperty("javax.xml.parsers.SAXParserFactory")).isEqualTo(sax);
        assertThat(System.getProperty("javax.xml.parsers.DocumentBuilderFactory")).isEqualTo(dom);
        assertThat(System.getProperty("javax.xml.stream.XMLInputFactory")).isEqualTo(stax);
        assertThat(TransformerFactory.newInstance().getClass().getName()).isEqualTo(transformer);
        assertThat(SAXParserFactory.newInstance().getClass().getName()).isEqualTo(sax);
    }
}
