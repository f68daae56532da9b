package vn.lgsp.hub.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every REST endpoint under {@code /api/v1/dossiers/{dossierCode}} acts on one dossier: before its controller runs,
 * the caller must own or be assigned that dossier ({@link AccessRights}); administrators may read any.
 * One place for all of them, so an endpoint added under that path is covered without another line.
 */
@Configuration(proxyBeanMethods = false)
public class DossierScopeInterceptor implements HandlerInterceptor, WebMvcConfigurer {

    private static final AntPathMatcher PATHS = new AntPathMatcher();
    private final AccessRights rights;

    public DossierScopeInterceptor(AccessRights rights) {
        this.rights = rights;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/v1/dossiers/*", "/api/v1/dossiers/*/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        String dossierCode = variables instanceof Map<?, ?> map && map.get("dossierCode") instanceof String code
                ? code : null;
        if (dossierCode != null) {
            boolean read = HttpMethod.GET.matches(request.getMethod());
            rights.requireOwnerOrAssigned(Callers.current(), dossierCode, serviceOf(request), read);
        }
        return true;
    }

    private static HubService serviceOf(HttpServletRequest request) {
        for (HubService service : HubService.values()) {
            for (HubService.Endpoint endpoint : service.endpoints()) {
                if ((endpoint.method() == null || endpoint.method().matches(request.getMethod()))
                        && PATHS.match(endpoint.pattern(), request.getRequestURI())) {
                    return service;
                }
            }
        }
        return HubService.DOSSIER_READ;
    }
}
