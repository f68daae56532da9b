package vn.lgsp.hub.simulators.ministries;

/**
 * What makes one ministry's simulator answer like that ministry's system ({@code hub.simulators.ministries.<id>}).
 *
 * @param protocol       how the hub hands it dossiers and hears its progress
 * @param receivePath    REST and FEED: the path (under /sim/<id>) the hub posts dossiers to, e.g. /api/v1/ho-so
 * @param codeField      the field (JSON) or element local name (XML) holding the dossier code
 * @param keyHeader      REST and FEED: the idempotency header the system requires (none: not required)
 * @param receivedStatus the system's own status code for a dossier it has just received
 * @param apiKey         REST and SOAP: its key to report progress to the hub
 * @param inboundDir     FILE_DROP: the folder the hub writes dossiers into
 * @param outboundDir    FILE_DROP: the folder the system writes its status files into
 */
public record MinistryDescriptor(Protocol protocol, String receivePath, String codeField, String keyHeader,
                                 String receivedStatus, String apiKey, String inboundDir, String outboundDir) {

    /** The exchange styles the simulator can play. */
    public enum Protocol {
        /** REST/JSON push in; progress reported back over REST with its key. */
        REST,
        /** SOAP 1.1 push in ({@code POST /sim/<id>/ws}); progress reported back over REST with its key. */
        SOAP,
        /** REST/JSON push in; progress only in a change feed the hub polls ({@code GET /sim/<id>/api/changes}). */
        FEED,
        /** Dossier files in an inbound folder; status files written to an outbound folder. */
        FILE_DROP
    }
}
