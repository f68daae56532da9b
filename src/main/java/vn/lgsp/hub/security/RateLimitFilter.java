package vn.lgsp.hub.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.lgsp.hub.errors.ErrorCode;
import vn.lgsp.hub.platform.ProblemWriter;

/**
 * After authentication: a system over its rate or daily quota gets 429 with {@code Retry-After} (a problem detail,
 * or a SOAP fault on /services) and its request goes no further; the refusal is counted and sampled into the audit
 * without waiting for the database.
 */
class RateLimitFilter extends OncePerRequestFilter {

    private final RateLimits limits;
    private final ProblemWriter problems;
    private final AccessAudit audit;

    RateLimitFilter(RateLimits limits, ProblemWriter problems, AccessAudit audit) {
        this.limits = limits;
        this.problems = problems;
        this.audit = audit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof ConnectedSystem system) {
            RateLimits.Decision decision = limits.acquire(system.id());
            if (!decision.allowed()) {
                audit.refused(429, system.id(), "-", request.getMethod(), request.getRequestURI(), decision.reason());
                response.setHeader("Retry-After", Long.toString(decision.retryAfterSeconds()));
                problems.write(request, response, ErrorCode.RATE_LIMITED, decision.reason());
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
