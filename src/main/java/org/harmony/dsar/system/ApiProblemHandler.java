package org.harmony.dsar.system;

import java.io.IOException;
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.ServletException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import org.harmony.dsar.kernel.web.PageRefusal;
import org.harmony.dsar.kernel.web.RateLimited;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the project's HTTP API as RFC 9457 problem+json that names what was wrong, field by field,
 * and never a stack trace.
 */
@RestControllerAdvice
class ApiProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblemHandler.class);

    private final ObjectMapper json;

    ApiProblemHandler(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = ex.getBindingResult().getFieldErrors().stream()
                .sorted(Comparator.comparing(FieldError::getField))
                .map(error -> Map.of("field", fieldName(error.getField()),
                        "message", String.valueOf(error.getDefaultMessage())))
                .toList();
        String detail = errors.stream().map(e -> e.get("field") + ": " + e.get("message"))
                .collect(Collectors.joining("; "));
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-fields", "Invalid request", detail);
        problem.setProperty("errors", errors);
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    /**
     * A multipart body sent without a length that grows past the container's limit: on a privacy center page the
     * refusal is a page, as the guard's ({@link PageRefusal}); on the API problem+json.
     */
    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (request instanceof ServletWebRequest servlet && ApiGuardFilter.isPage(servlet.getRequest())) {
            try {
                ApiGuardFilter.refusePage(servlet.getRequest(), servlet.getResponse(), HttpStatus.PAYLOAD_TOO_LARGE,
                        "document-too-large");
                return null;
            } catch (ServletException | IOException e) {
                log.warn("The refusal page could not be shown", e);
            }
        }
        return super.handleMaxUploadSizeExceededException(ex, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = unreadable(ex);
        return handleExceptionInternal(ex, problem, headers, HttpStatusCode.valueOf(problem.getStatus()), request);
    }

    private ProblemDetail unreadable(HttpMessageNotReadableException ex) {
        Throwable cause = ex.getCause();
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof ApiGuardFilter.BodyTooLargeException) {
                return problem(HttpStatus.PAYLOAD_TOO_LARGE, "body-too-large", "Request body too large",
                        t.getMessage());
            }
        }
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return fieldProblem(path(unknown), "is not a known field");
        }
        if (cause instanceof InvalidFormatException invalid && invalid.getTargetType() != null
                && invalid.getTargetType().isEnum()) {
            String allowed = java.util.Arrays.stream(invalid.getTargetType().getEnumConstants())
                    .map(this::enumValue).collect(Collectors.joining(", "));
            return fieldProblem(path(invalid), "must be one of " + allowed);
        }
        if (cause instanceof MismatchedInputException mismatched && !mismatched.getPath().isEmpty()) {
            String expected = mismatched.getTargetType() == null ? "another type"
                    : describe(mismatched.getTargetType());
            return fieldProblem(path(mismatched), "has the wrong type; expected " + expected);
        }
        if (cause instanceof JsonProcessingException) {
            return problem(HttpStatus.BAD_REQUEST, "malformed-json", "Malformed JSON",
                    "The body is not valid JSON in UTF-8.");
        }
        return problem(HttpStatus.BAD_REQUEST, "missing-body", "Body required",
                "A JSON body is required.");
    }

    /**
     * A multipart body the servlet container cannot parse (no endpoint here takes multipart, but Spring parses any
     * such body before choosing one): 400, not a 500. Too large a multipart body is the base class's 413.
     */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Object> malformedMultipart(MultipartException ex, WebRequest request) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "malformed-multipart", "Malformed multipart body",
                "The multipart body could not be read. This API takes JSON; a document is sent as the file itself"
                        + " with its content type.");
        return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
    }

    /** The same 429 as the per-client limit of {@link ApiGuardFilter}, header and body alike. */
    @ExceptionHandler(RateLimited.class)
    ResponseEntity<Object> rateLimited(RateLimited limited) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(limited.retryAfterSeconds()))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(limited.body());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex, WebRequest request) {
        log.error("Unexpected error answering {}", request.getDescription(false), ex);
        ProblemDetail problem = problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "Something went wrong on our side. Nothing you sent was lost; please try again later.");
        return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
    }

    private static ProblemDetail fieldProblem(String field, String message) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-fields", "Invalid request",
                field + ": " + message);
        problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
        return problem;
    }

    static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:dsar:problem:" + type));
        problem.setTitle(title);
        return problem;
    }

    private static String path(JsonMappingException ex) {
        return ex.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    /** Bean Validation names map keys like {@code dataPoints<K>[phone]}: show {@code dataPoints[phone]}. */
    private static String fieldName(String field) {
        return field.replace("<K>", "").replace("<V>", "");
    }

    /** The value as JSON spells it (an enum's {@code @JsonValue}, else its name). */
    private String enumValue(Object constant) {
        return json.convertValue(constant, String.class);
    }

    private static String describe(@Nullable Class<?> type) {
        if (type == null) {
            return "another type";
        }
        if (type == String.class || type.isEnum()) {
            return "a string";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "an object";
        }
        return type.getSimpleName();
    }
}
