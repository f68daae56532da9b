package vn.lgsp.hub.dossier;

import java.util.UUID;
import vn.lgsp.hub.canonical.Dossier;

/**
 * A dossier's canonical JSON written before its code is known: the request thread writes it with a stand-in code,
 * and the committer, once it has taken the batch's numbers of the code sequence, puts the code in its place (a
 * string concatenation, instead of writing the JSON again inside the single commit thread).
 */
final class CodedPayload {

    /** The stand-in: random for each run of the hub, so no submitted text can hold it. */
    private static final String STAND_IN = "hub-code-" + UUID.randomUUID();

    private final CanonicalJson json;
    private final Dossier dossier;
    private final String before;
    private final String after;

    private CodedPayload(CanonicalJson json, Dossier dossier, String before, String after) {
        this.json = json;
        this.dossier = dossier;
        this.before = before;
        this.after = after;
    }

    /** The dossier's JSON with the stand-in as its code; {@link #dossier} gives the dossier with the real one. */
    static CodedPayload of(CanonicalJson json, Dossier dossier) {
        Dossier standIn = dossier.copy(d -> d.dossierCode = STAND_IN);
        String written = json.write(standIn);
        String quoted = json.write(STAND_IN);
        int at = written.indexOf(quoted);
        if (at < 0 || written.indexOf(quoted, at + 1) >= 0) {
            return new CodedPayload(json, dossier, null, null); // written again at commit
        }
        return new CodedPayload(json, dossier, written.substring(0, at), written.substring(at + quoted.length()));
    }

    /** The dossier with this code. */
    Dossier dossier(String code) {
        return dossier.copy(d -> d.dossierCode = code);
    }

    /** The canonical JSON of the dossier with this code: the same text as {@code json.write(dossier(code))}. */
    String json(String code) {
        return before == null ? json.write(dossier(code)) : before + json.write(code) + after;
    }
}
