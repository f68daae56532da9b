package vn.lgsp.hub.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import vn.lgsp.hub.errors.ErrorCode;
import vn.lgsp.hub.errors.Problems;
import vn.lgsp.hub.errors.SoapFaults;

/**
 * Writes an error from a servlet filter, before any controller runs: a problem detail for REST paths and a
 * SOAP 1.1 fault for the SOAP endpoints under /services.
 */
@Component
public class ProblemWriter {

    private final ObjectMapper json;

    public ProblemWriter(ObjectMapper json) {
        this.json = json;
    }

    public void write(HttpServletRequest request, HttpServletResponse response, ErrorCode code, String detail)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(code.status().value());
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        if (request.getRequestURI().startsWith("/services/")) {
            response.setContentType("text/xml;charset=UTF-8");
            response.getWriter().write(SoapFaults.envelope(code, detail));
            return;
        }
        ProblemDetail problem = Problems.of(code, detail);
        problem.setInstance(java.net.URI.create(request.getRequestURI()));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
