package vn.lgsp.hub.simulators.sectors;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.lgsp.hub.simulators.support.HubCallback;

/**
 * How a push-style sector system reports progress: {@code POST <hub>/api/v1/sectors/<id>/status} with its own API
 * key, {@code {"dossierCode","status","at","note","officer"}} in its own status codes.
 */
public final class ProgressCallback {

    private final String systemId;
    private final String hubUrl;
    private final String apiKey;

    public ProgressCallback(String systemId, String hubUrl, String apiKey) {
        this.systemId = systemId;
        this.hubUrl = hubUrl;
        this.apiKey = apiKey;
    }

    /** Reports a status in this system's vocabulary to the hub; returns the hub's HTTP status and answer. */
    public Map<String, Object> report(String dossierCode, String status, String note, OffsetDateTime at) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("dossierCode", dossierCode);
        body.put("status", status);
        body.put("at", at.toString());
        body.put("note", note);
        body.put("officer", "Cán bộ " + systemId);
        return HubCallback.post(hubUrl + "/api/v1/sectors/" + systemId + "/status", apiKey, body);
    }
}
