package vn.lgsp.hub.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import vn.lgsp.hub.errors.ErrorCode;
import vn.lgsp.hub.errors.HubException;

/** The connected system calling the hub in the current request thread. */
public final class Callers {

    private Callers() {
    }

    public static ConnectedSystem current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof ConnectedSystem system) {
            return system;
        }
        throw new HubException(ErrorCode.UNAUTHENTICATED, "No connected system is authenticated for this request");
    }
}
