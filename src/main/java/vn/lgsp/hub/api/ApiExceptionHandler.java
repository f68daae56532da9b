package vn.lgsp.hub.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import vn.lgsp.hub.dossier.CanonicalJson;
import vn.lgsp.hub.errors.ErrorCode;
import vn.lgsp.hub.errors.HubException;
import vn.lgsp.hub.errors.Problems;
import vn.lgsp.hub.platform.BodySizeLimitFilter;

/** Turns every failure at the REST edge into an RFC 7807 problem detail; never a stack trace. */
@RestControllerAdvice
public class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(HubException.class)
    ResponseEntity<ProblemDetail> coded(HubException e, HttpServletRequest request) {
        return answer(Problems.of(e), request);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BodySizeLimitFilter.PayloadTooLargeException tooLarge) {
                return answer(Problems.of(ErrorCode.PAYLOAD_TOO_LARGE, tooLarge.getMessage()), request);
            }
            if (t instanceof JsonProcessingException json) {
                return answer(Problems.of(CanonicalJson.describe(json)), request);
            }
        }
        return answer(Problems.of(ErrorCode.MALFORMED_REQUEST, "The request body is missing or cannot be read"),
                request);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        return answer(Problems.of(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Send the body as application/json"), request);
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ProblemDetail> notAcceptable(HttpMediaTypeNotAcceptableException e, HttpServletRequest request) {
        return answer(Problems.of(ErrorCode.NOT_ACCEPTABLE, "This resource is available as application/json"),
                request);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        return answer(Problems.of(ErrorCode.METHOD_NOT_ALLOWED, "This resource does not support " + e.getMethod()),
                request);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> noResource(NoResourceFoundException e, HttpServletRequest request) {
        return answer(Problems.of(ErrorCode.NOT_FOUND, "No such resource"), request);
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<ProblemDetail> missingHeader(MissingRequestHeaderException e, HttpServletRequest request) {
        return answer(Problems.of(ErrorCode.MALFORMED_REQUEST, "The header " + e.getHeaderName() + " is required"),
                request);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missingParameter(MissingServletRequestParameterException e,
                                                   HttpServletRequest request) {
        return answer(Problems.of(ErrorCode.MALFORMED_REQUEST, "The parameter " + e.getParameterName()
                + " is required"), request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> argument(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        return answer(Problems.of(ErrorCode.MALFORMED_REQUEST, "The parameter " + e.getName() + " is malformed"),
                request);
    }

    // TransactionSystemException: the commit itself failed (a group commit's connection lost while committing);
    // nothing was acknowledged, and a retry is recognised by its source reference or Idempotency-Key.
    @ExceptionHandler({CannotGetJdbcConnectionException.class, CannotCreateTransactionException.class,
            DataAccessResourceFailureException.class, TransientDataAccessException.class,
            TransactionSystemException.class})
    ResponseEntity<ProblemDetail> storeUnavailable(Exception e, HttpServletRequest request) {
        log.error("Store unavailable: {}", e.toString());
        ResponseEntity<ProblemDetail> answer = answer(Problems.of(ErrorCode.STORE_UNAVAILABLE,
                "The request was not accepted; retry later"), request);
        return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders())
                .header("Retry-After", "5").body(answer.getBody());
    }

    // The caller hung up before the answer was written (a probe that timed out, a closed browser): there is no one
    // to answer and nothing failed in the hub.
    @ExceptionHandler(AsyncRequestNotUsableException.class)
    void callerGone(AsyncRequestNotUsableException e, HttpServletRequest request) {
        log.debug("Caller gone before the answer to {} {}: {}", request.getMethod(), request.getRequestURI(),
                e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        log.error("Unexpected failure on {} {}", request.getMethod(), request.getRequestURI(), e);
        return answer(Problems.of(ErrorCode.INTERNAL_ERROR, "The request could not be processed"), request);
    }

    private static ResponseEntity<ProblemDetail> answer(ProblemDetail problem, HttpServletRequest request) {
        problem.setInstance(URI.create(request.getRequestURI()));
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
