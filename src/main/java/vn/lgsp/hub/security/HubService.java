package vn.lgsp.hub.security;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpMethod;

/**
 * The services a connected system can be granted ({@code hub.clients.<id>.services}), each with the endpoints it
 * covers. The administration APIs are not a grantable service: they need the role ADMIN. Every public endpoint must
 * fall under one of these, the administration APIs or the open list of {@link SecurityConfiguration}
 * ({@code EndpointAccessSecurityIT} fails for an endpoint that does not).
 */
public enum HubService {
    DOSSIER_INTAKE("dossier-intake", "submit dossiers (REST and the SOAP intake of sector systems)",
            new Endpoint(HttpMethod.POST, "/api/v1/dossiers"), new Endpoint(null, "/services/sector/civil/**")),
    DOSSIER_STATUS("dossier-status", "report status changes of dossiers it owns or is assigned",
            new Endpoint(HttpMethod.POST, "/api/v1/dossiers/*/status")),
    DOSSIER_AMENDMENTS("dossier-amendments", "request and receive supplements, correct, withdraw or cancel dossiers "
            + "it owns or is assigned (REST, and the SOAP operation of the civil-status intake)",
            new Endpoint(HttpMethod.POST, "/api/v1/dossiers/*/supplements/**"),
            new Endpoint(HttpMethod.POST, "/api/v1/dossiers/*/corrections"),
            new Endpoint(HttpMethod.POST, "/api/v1/dossiers/*/withdrawal"),
            new Endpoint(HttpMethod.POST, "/api/v1/dossiers/*/cancellation")),
    DOCUMENTS("documents", "send a dossier's documents over the document axis, read results and received documents",
            new Endpoint(null, "/api/v1/dossiers/*/documents"), new Endpoint(HttpMethod.GET, "/api/v1/dossiers/*/results/**"),
            new Endpoint(null, "/api/v1/documents/received/**")),
    PAYMENTS("payments", "start and follow online payments of a dossier's fees",
            new Endpoint(null, "/api/v1/dossiers/*/payments")),
    DOSSIER_READ("dossier-read", "follow dossiers it owns or is assigned",
            new Endpoint(HttpMethod.GET, "/api/v1/dossiers/*"),
            new Endpoint(HttpMethod.GET, "/api/v1/dossiers/*/amendments"),
            new Endpoint(HttpMethod.GET, "/api/v1/dossiers/*/notices")),
    SECTOR_PROGRESS("sector-progress", "report progress in its own status codes, under its own id",
            new Endpoint(HttpMethod.POST, "/api/v1/sectors/*/status")),
    CITIZEN_LOOKUP("registry-citizen", "look citizens up in the national population database",
            new Endpoint(HttpMethod.GET, "/api/v1/citizens/*")),
    ENTERPRISE_LOOKUP("registry-enterprise", "look enterprises up in the business registry",
            new Endpoint(HttpMethod.GET, "/api/v1/enterprises/*")),
    NOTICES("notices", "register a citizen's opt-out of notices (and its withdrawal)",
            new Endpoint(HttpMethod.POST, "/api/v1/notices/opt-outs"),
            new Endpoint(HttpMethod.POST, "/api/v1/notices/opt-ins")),
    RATINGS("ratings", "send citizens' satisfaction ratings (counter devices, QR codes, the portal)",
            new Endpoint(HttpMethod.POST, "/api/v1/ratings")),
    KPI("kpi", "read the province's indicators", new Endpoint(HttpMethod.GET, "/api/v1/kpi/**")),
    POSTAL_COLLECTION("postal-collection", "ask the postal operator to collect a dossier it owns at the applicant's",
            new Endpoint(HttpMethod.POST, "/api/v1/dossiers/*/postal-collection")),
    POSTAL_UPDATES("postal-updates", "report the states of postal orders (the postal operator)",
            new Endpoint(HttpMethod.POST, "/api/v1/postal/callbacks"));

    /** An endpoint pattern (Ant style) and its method; {@code null} method: every method. */
    public record Endpoint(HttpMethod method, String pattern) {
    }

    private final String id;
    private final String description;
    private final List<Endpoint> endpoints;

    HubService(String id, String description, Endpoint... endpoints) {
        this.id = id;
        this.description = description;
        this.endpoints = List.of(endpoints);
    }

    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    public List<Endpoint> endpoints() {
        return endpoints;
    }

    public static Optional<HubService> byId(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst();
    }
}
