package vn.lgsp.hub.statuses;

import java.nio.file.Path;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import vn.lgsp.hub.platform.HubProperties;
import vn.lgsp.hub.platform.MappingFiles;

/**
 * The document axis' status tables, read from {@code mappings/docaxis/} so an operator can change them without a
 * build. In ({@code status.docaxis-to-hub.csv}): edXML StatusCode -> hub dossier status; a code with an empty hub
 * status changes nothing but the trail; a code missing from the table makes the package a dead letter. Out
 * ({@code status.hub-to-docaxis.csv}): a dossier's status -> the edXML StatusCode the hub sends to the senders of
 * the documents tied to the dossier; a status missing from it sends nothing.
 */
@Component
public class DocAxisStatusTable {

    public static final String FILE = "docaxis/status.docaxis-to-hub.csv";
    public static final String OUT_FILE = "docaxis/status.hub-to-docaxis.csv";

    private final IncomingStatuses incoming;
    private final OutgoingStatuses outgoing;

    @Autowired
    public DocAxisStatusTable(HubProperties hub) {
        this(hub.mappingsDir());
    }

    /** The tables under this mappings directory. */
    public DocAxisStatusTable(String mappingsDir) {
        Path dir = MappingFiles.path(mappingsDir);
        this.incoming = IncomingStatuses.read(dir.resolve(FILE));
        this.outgoing = OutgoingStatuses.read(dir.resolve(OUT_FILE));
    }

    /** The edXML StatusCode to send for a dossier's status, if the table names one. */
    public Optional<String> outgoing(int hubStatus) {
        return outgoing.row(hubStatus).map(OutgoingStatuses.Row::code);
    }

    public Optional<IncomingStatuses.Row> row(String edxmlStatus) {
        return incoming.row(edxmlStatus);
    }
}
