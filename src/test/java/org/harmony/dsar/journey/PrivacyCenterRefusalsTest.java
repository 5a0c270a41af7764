package org.harmony.dsar.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * What the guard refuses before any controller runs, a body too large (413) or too many requests from one address
 * (429), is a page in the page's language under /privacy, and stays problem+json on the API. Over HTTP, as a browser
 * sends it.
 */
class PrivacyCenterRefusalsTest extends JourneyTestSupport {

    @LocalServerPort
    private int port;

    @Test
    void shouldAnswerAnOversizedUploadOrFormWithAPageInThePagesLanguage() {
        String email = uniqueEmail("gross");
        String reference = (String) submit("""
                {"type": "ACCESS", "jurisdiction": "EU", "email": "%s", "fullName": "Greta Groß", "language": "de"}"""
                .formatted(email)).getBody().get("reference");
        // As a browser sends a file: multipart with its length, here larger than a document may be.
        HttpHeaders headers = html("en-GB,en");
        headers.setContentType(MediaType.parseMediaType("multipart/form-data; boundary=xyz"));
        byte[] head = ("--xyz\r\nContent-Disposition: form-data; name=\"document\"; filename=\"id.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n%PDF-").getBytes(StandardCharsets.US_ASCII);
        byte[] body = Arrays.copyOf(head, 6_000_000);
        ResponseEntity<String> upload = http.exchange("/privacy/requests/" + reference + "/documents?token=x",
                HttpMethod.POST, new HttpEntity<>(body, headers), String.class);

        assertThat(upload.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(upload.getHeaders().getContentType()).as(upload.getHeaders() + "\n" + upload.getBody())
                .matches(type -> type.isCompatibleWith(MediaType.TEXT_HTML));
        assertThat(upload.getBody()).as("the request's language, not the browser's").contains("lang=\"de\"")
                .contains("Die Datei ist zu groß").doesNotContain("urn:dsar:problem");
        assertThat(upload.getHeaders().getFirst("Content-Security-Policy")).doesNotContain("unsafe-inline");

        HttpHeaders formHeaders = html("de-DE,de");
        formHeaders.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        ResponseEntity<String> longForm = http.exchange("/privacy/request", HttpMethod.POST,
                new HttpEntity<>("details=" + "x".repeat(20_000), formHeaders), String.class);
        assertThat(longForm.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(longForm.getBody()).contains("Was Sie gesendet haben, ist zu lang");

        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_PDF);
        ResponseEntity<Map> api = http.exchange("/api/requests/" + reference + "/documents?token=x", HttpMethod.POST,
                new HttpEntity<>(new byte[6_000_000], json), Map.class);
        assertThat(api.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(api.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(api.getBody()).containsEntry("type", "urn:dsar:problem:body-too-large");

        assertThat(http.exchange("/privacy/refused", HttpMethod.GET, new HttpEntity<>(html("en")), String.class)
                .getStatusCode()).as("the refusal page opened directly").isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void shouldAnswerAFloodingClientWithAPageInItsLanguageAndTheApiWithProblemJson() throws IOException {
        // Another loopback address than every other test's, so only this client reaches its limit.
        // The bucket refills a little at a time: several connections at once empty it, then a few more calls each.
        flood("127.0.0.2");
        String response = null;
        for (int i = 0; i < 200 && (response == null || !response.startsWith("HTTP/1.1 429")); i++) {
            response = getFrom("127.0.0.2", "/privacy/request", "text/html", "de-DE,de");
        }
        assertThat(response).startsWith("HTTP/1.1 429");
        assertThat(response).containsPattern("(?i)content-type: text/html").containsPattern("(?i)retry-after: [0-9]+")
                .contains("lang=\"de\"").contains("Zu viele Anfragen").doesNotContain("urn:dsar:problem");

        String api = null;
        for (int i = 0; i < 200 && (api == null || !api.startsWith("HTTP/1.1 429")); i++) {
            api = getFrom("127.0.0.2", "/api/requests/DSAR-00000-00000/status?token=x", "application/json", "de");
        }
        assertThat(api).startsWith("HTTP/1.1 429").containsPattern("(?i)content-type: application/problem\\+json")
                .contains("urn:dsar:problem:");
        assertThat(http.exchange("/privacy/request", HttpMethod.GET, new HttpEntity<>(html("en")), String.class)
                .getStatusCode()).as("other clients are not affected").isEqualTo(HttpStatus.OK);
    }

    private static HttpHeaders html(String languages) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.ACCEPT, "text/html,application/xhtml+xml,*/*;q=0.8");
        headers.set(HttpHeaders.ACCEPT_LANGUAGE, languages);
        return headers;
    }

    /** Calls from the address, on several connections at once, until one is refused with 429. */
    private void flood(String localAddress) {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        AtomicBoolean limited = new AtomicBoolean();
        AtomicInteger calls = new AtomicInteger();
        try {
            List<Future<Object>> floods = pool.invokeAll(Collections.nCopies(8, () -> {
                while (!limited.get() && calls.incrementAndGet() < 20_000) {
                    if (getFrom(localAddress, "/api/requests/DSAR-00000-00000/status?token=x", "application/json",
                            "en").startsWith("HTTP/1.1 429")) {
                        limited.set(true);
                    }
                }
                return null;
            }));
            for (Future<Object> flood : floods) {
                flood.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            pool.shutdownNow();
        }
        assertThat(limited).as("the client reached its limit").isTrue();
    }

    /** A GET over a plain socket from the given local address: the status line, headers and body as received. */
    private String getFrom(String localAddress, String path, String accept, String languages) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(localAddress, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAccept: " + accept + "\r\nAccept-Language: "
                    + languages + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
