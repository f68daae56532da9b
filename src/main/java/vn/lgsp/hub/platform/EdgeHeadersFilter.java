package vn.lgsp.hub.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Strips headers that only the hub itself may set before anything reads the request: Camel's ({@code Camel*},
 * {@code org.apache.camel.*}, {@code breadcrumbId}), JMS properties ({@code JMS*}) and the hub's own message headers
 * ({@code hub*}). A caller smuggling {@code CamelHttpUri} or {@code hubTarget} into a SOAP or REST request cannot
 * steer a route, an endpoint or a queue: the header simply is not there (REST and SOAP alike, one filter).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
public class EdgeHeadersFilter extends OncePerRequestFilter {

    private static final List<String> INTERNAL_PREFIXES = List.of("camel", "org.apache.camel", "breadcrumbid", "jms",
            "hub");

    public static boolean isInternal(String header) {
        String name = header.toLowerCase(Locale.ROOT);
        return INTERNAL_PREFIXES.stream().anyMatch(name::startsWith);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean smuggled = Collections.list(request.getHeaderNames()).stream().anyMatch(EdgeHeadersFilter::isInternal);
        chain.doFilter(smuggled ? new WithoutInternalHeaders(request) : request, response);
    }

    private static final class WithoutInternalHeaders extends HttpServletRequestWrapper {
        WithoutInternalHeaders(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getHeader(String name) {
            return isInternal(name) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return isInternal(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            return Collections.enumeration(Collections.list(super.getHeaderNames()).stream()
                    .filter(n -> !isInternal(n)).toList());
        }

        @Override
        public long getDateHeader(String name) {
            return isInternal(name) ? -1 : super.getDateHeader(name);
        }

        @Override
        public int getIntHeader(String name) {
            return isInternal(name) ? -1 : super.getIntHeader(name);
        }
    }
}
