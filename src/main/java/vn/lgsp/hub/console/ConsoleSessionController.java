package vn.lgsp.hub.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;

/** "Log out everywhere": ends every console session of the signed-in user, on every node, and audits it. */
@Controller
public class ConsoleSessionController {

    static final String LOGOUT_EVERYWHERE = "/console/logout-everywhere";

    private final ConsoleSessionStore sessions;
    private final ConsoleAudit audit;

    public ConsoleSessionController(ConsoleSessionStore sessions, ConsoleAudit audit) {
        this.sessions = sessions;
        this.audit = audit;
    }

    @PostMapping(LOGOUT_EVERYWHERE)
    public String logoutEverywhere(Authentication user, HttpServletRequest request, HttpServletResponse response) {
        int ended = sessions.endAll(user.getName());
        audit.record(user.getName(), "LOGOUT_EVERYWHERE", "user:" + user.getName(), ended + " session(s) ended");
        SignedCookieSessions.expireCookie(request, response);
        return "redirect:/console/login?logout";
    }
}
