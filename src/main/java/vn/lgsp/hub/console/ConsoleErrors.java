package vn.lgsp.hub.console;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import vn.lgsp.hub.errors.HubException;

/**
 * A coded failure on a console page (no such queue or message, the broker not answering) is shown as a console
 * page in the user's language with its code, not as the API's problem JSON; the console's JSON API keeps those.
 */
@ControllerAdvice(assignableTypes = ConsoleController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ConsoleErrors {

    @ExceptionHandler(HubException.class)
    public String coded(HubException e, Model model, Authentication user, HttpServletResponse response) {
        response.setStatus(e.code().status().value());
        model.addAttribute("code", e.code().name());
        model.addAttribute("page", "error");
        model.addAttribute("user", user == null ? "" : user.getName());
        model.addAttribute("operator", false);
        return "console/error";
    }
}
