package vn.lgsp.hub.security;

/** A system registered to call the hub (a member, in X-Road's terms). */
public record ConnectedSystem(String id, String name, String agencyCode, java.util.List<String> roles) {

    public ConnectedSystem {
        roles = roles == null ? java.util.List.of() : java.util.List.copyOf(roles);
    }
}
