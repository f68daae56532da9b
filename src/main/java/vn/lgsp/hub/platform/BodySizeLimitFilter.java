package vn.lgsp.hub.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.lgsp.hub.errors.ErrorCode;

/**
 * Refuses request bodies over {@code hub.intake.max-body-size}: at once when Content-Length says so, and while
 * reading when a chunked body grows past the limit, so an oversized body is never buffered whole.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class BodySizeLimitFilter extends OncePerRequestFilter {

    private final long limit;
    private final ProblemWriter problems;

    public BodySizeLimitFilter(HubProperties properties, ProblemWriter problems) {
        this.limit = properties.intake().maxBodySize().toBytes();
        this.problems = problems;
    }

    /** The document-axis simulator stands in for an external system that takes packages of any size. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getRequestURI().startsWith("/sim/docaxis/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > limit) {
            problems.write(request, response, ErrorCode.PAYLOAD_TOO_LARGE, tooLarge());
            return;
        }
        chain.doFilter(new InspectedRequest(request, new SizeLimit(limit)), response);
    }

    private String tooLarge() {
        return "The request body exceeds the limit of " + limit + " bytes";
    }

    /** Thrown while reading a body that grows past the limit; mapped to 413 at the edge. */
    public static final class PayloadTooLargeException extends IOException {
        public PayloadTooLargeException(long limit) {
            super("The request body exceeds the limit of " + limit + " bytes");
        }
    }

    /** Counts the bytes read and refuses the body once they pass the limit. */
    private static final class SizeLimit implements InspectedRequest.Inspector {
        private final long limit;
        private long count;

        SizeLimit(long limit) {
            this.limit = limit;
        }

        @Override
        public void bytes(byte[] buffer, int offset, int length) throws IOException {
            count += length;
            if (count > limit) {
                throw new PayloadTooLargeException(limit);
            }
        }
    }
}
