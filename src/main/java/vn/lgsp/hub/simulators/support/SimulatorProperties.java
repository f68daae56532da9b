package vn.lgsp.hub.simulators.support;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code hub.simulators.*} beyond the switch and the registries' data: the document-axis simulator's shared secret,
 * where the payment simulators send their notifications, and how the sector simulators reach the hub (its URL, their
 * demo keys, the labour feed's starting size).
 */
@ConfigurationProperties("hub.simulators")
public record SimulatorProperties(DocAxis docaxis, Ipn payment, Ipn bank, Sectors sectors) {

    public SimulatorProperties {
        docaxis = docaxis == null ? new DocAxis(null) : docaxis;
        payment = payment == null ? new Ipn(null) : payment;
        bank = bank == null ? new Ipn(null) : bank;
        sectors = sectors == null ? new Sectors(null, null, null, 0) : sectors;
    }

    /** The secret the document-axis simulator checks {@code hash-header} with. */
    public record DocAxis(String secret) {
    }

    /** Where a payment simulator posts its payment notifications (empty: it posts none). */
    public record Ipn(String ipnUrl) {
        public Ipn {
            ipnUrl = ipnUrl == null ? "" : ipnUrl;
        }
    }

    /** The hub the sector simulators report progress to, their keys, and the labour feed's generated dossiers. */
    public record Sectors(String hubUrl, String sectorLandKey, String sectorCivilKey, int labourFeedSize) {
    }
}
