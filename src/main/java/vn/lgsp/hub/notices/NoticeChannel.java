package vn.lgsp.hub.notices;

import java.util.Optional;
import vn.lgsp.hub.canonical.Dossier;

/**
 * A way of reaching a dossier's applicant (SMS today; Zalo or e-mail are further implementations). A channel says
 * where a dossier's applicant is reached, how that address may be shown, and builds the one request its system
 * takes: the address and the rendered text, nothing else of the dossier.
 */
public interface NoticeChannel {

    /** The channel's system id ({@code hub.systems.<id>}, the delivery ledger's target). */
    String id();

    /** The applicant's address on this channel, normalised; empty when the dossier has none. */
    Optional<String> address(Dossier dossier);

    /** The address as logs, tables and answers may show it. */
    String masked(String address);

    /** The body of the request to the channel's system. */
    String request(String address, String text, String noticeKey);
}
