package vn.lgsp.hub.security;

import java.util.List;

/**
 * A system registered to call the hub (a member, in X-Road's terms), with the services it was granted
 * ({@link HubService} names).
 */
public record ConnectedSystem(String id, String name, String agencyCode, List<String> roles, List<String> services) {

    public ConnectedSystem {
        roles = roles == null ? List.of() : List.copyOf(roles);
        services = services == null ? List.of() : List.copyOf(services);
    }

    /** A system acting inside the hub (a poller, the document axis), granted nothing at the edge. */
    public ConnectedSystem(String id, String name, String agencyCode, List<String> roles) {
        this(id, name, agencyCode, roles, List.of());
    }

    public boolean isAdmin() {
        return roles.contains("ADMIN");
    }

    public boolean isGranted(HubService service) {
        return services.contains(service.id());
    }

    /** The same system limited to the services also named in a token it presented. */
    public ConnectedSystem limitedTo(List<String> tokenServices) {
        return new ConnectedSystem(id, name, agencyCode, roles,
                services.stream().filter(tokenServices::contains).toList());
    }
}
