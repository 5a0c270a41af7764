package org.harmony.dsar.system;

import java.io.IOException;
import java.time.Duration;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.bucket4j.ConsumptionProbe;

import org.harmony.dsar.kernel.web.ApiProperties;
import org.harmony.dsar.kernel.web.PageRefusal;
import org.harmony.dsar.kernel.web.RateLimited;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards the public requester API and the privacy center's pages before any controller runs: a token bucket per
 * client address ({@link ClientBuckets}, shared by the nodes on PostgreSQL; 429) and a limit on the body size (413), both answered as problem+json on the API and as a page
 * in the page's language on the privacy center ({@link PageRefusal}).
 */
class ApiGuardFilter extends OncePerRequestFilter {

    /** Document uploads, which may be larger than other bodies. */
    private static final Pattern UPLOAD = Pattern.compile("/(api|privacy)/requests/[^/]+/documents");
    private static final String PAGES = "/privacy/";

    private final ApiProperties properties;
    private final ObjectMapper json;
    private final ClientBuckets buckets;

    ApiGuardFilter(ApiProperties properties, ClientBuckets buckets, ObjectMapper json) {
        this.properties = properties;
        this.buckets = buckets;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ConsumptionProbe probe = buckets.tryConsume(request.getRemoteAddr());
        if (!probe.isConsumed()) {
            RateLimited limited = new RateLimited(Duration.ofNanos(probe.getNanosToWaitForRefill()));
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(limited.retryAfterSeconds()));
            if (isPage(request)) {
                refusePage(request, response, HttpStatus.TOO_MANY_REQUESTS, "too-many-requests");
            } else {
                write(response, HttpStatus.TOO_MANY_REQUESTS, limited.body());
            }
            return;
        }
        int maxBytes = isUpload(request) ? properties.maxUploadBytes() : properties.maxBodyBytes();
        long length = request.getContentLengthLong();
        if (length > maxBytes && isPage(request)) {
            refusePage(request, response, HttpStatus.PAYLOAD_TOO_LARGE,
                    isUpload(request) ? "document-too-large" : "body-too-large");
            return;
        }
        if (length > maxBytes) {
            problem(response, HttpStatus.PAYLOAD_TOO_LARGE, "body-too-large", "Request body too large",
                    "The request body has " + length + " bytes; at most " + maxBytes + " are accepted.");
            return;
        }
        chain.doFilter(new LimitedBodyRequest(request, maxBytes), response);
    }

    private static boolean isUpload(HttpServletRequest request) {
        return UPLOAD.matcher(request.getRequestURI()).matches();
    }

    static boolean isPage(HttpServletRequest request) {
        return request.getRequestURI().startsWith(PAGES);
    }

    /** Forwards to the privacy center's refusal page as a GET without a body: the refused body is never read. */
    static void refusePage(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
            String type) throws ServletException, IOException {
        request.setAttribute(PageRefusal.STATUS, status.value());
        request.setAttribute(PageRefusal.TYPE, type);
        request.getRequestDispatcher(PageRefusal.PATH).forward(new BodilessGet(request), response);
        response.flushBuffer();
    }

    private void problem(HttpServletResponse response, HttpStatus status, String type, String title, String detail)
            throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "urn:dsar:problem:" + type);
        body.put("title", title);
        body.put("status", status.value());
        body.put("detail", detail);
        write(response, status, body);
    }

    private void write(HttpServletResponse response, HttpStatus status, Map<String, Object> body) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), body);
    }

    /** Thrown while reading a body (sent without a length) that grows past the limit. */
    static final class BodyTooLargeException extends IOException {
        BodyTooLargeException(int limit) {
            super("The request body is larger than " + limit + " bytes");
        }
    }

    /** The refused request as a GET without a body: no form token check, no multipart parsing, nothing read. */
    private static final class BodilessGet extends HttpServletRequestWrapper {

        BodilessGet(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getMethod() {
            return "GET";
        }

        @Override
        public String getContentType() {
            return null;
        }

        @Override
        public String getHeader(String name) {
            return HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name) ? null : super.getHeader(name);
        }

        @Override
        public int getContentLength() {
            return 0;
        }

        @Override
        public long getContentLengthLong() {
            return 0;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            return new LimitedStream(super.getInputStream(), 0);
        }

        @Override
        public String getParameter(String name) {
            return null;
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return Map.of();
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.emptyEnumeration();
        }

        @Override
        public String[] getParameterValues(String name) {
            return null;
        }
    }

    private static final class LimitedBodyRequest extends HttpServletRequestWrapper {
        private final int limit;
        private ServletInputStream stream;

        LimitedBodyRequest(HttpServletRequest request, int limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new LimitedStream(super.getInputStream(), limit);
            }
            return stream;
        }
    }

    private static final class LimitedStream extends ServletInputStream {
        private final ServletInputStream delegate;
        private final int limit;
        private long read;

        LimitedStream(ServletInputStream delegate, int limit) {
            this.delegate = delegate;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = delegate.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = delegate.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws IOException {
            read += n;
            if (read > limit) {
                throw new BodyTooLargeException(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return delegate.isFinished();
        }

        @Override
        public boolean isReady() {
            return delegate.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            delegate.setReadListener(listener);
        }
    }
}
