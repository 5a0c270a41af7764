package org.harmony.dsar.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Staff endpoints are guarded in one place (Spring Security, HTTP Basic against Camunda's users and groups), before
 * any body is read; the project's pages and API carry security headers; Camunda's webapps and REST API keep their own
 * security.
 */
class StaffGuardTest extends JourneyTestSupport {

    private static final String BAD_BREACH = "{\"description\": 42, \"sources\": \"not a list\"}";

    /** A DPO of its own: another test's wrong password locks {@code dpo} for a few seconds (Camunda's login delay). */
    private static final String DPO = "guardDpo";

    @Autowired
    private ApplicationContext context;
    @Autowired
    private IdentityService identities;

    @BeforeEach
    void createDpo() {
        if (identities.createUserQuery().userId(DPO).count() == 0) {
            User user = identities.newUser(DPO);
            user.setPassword(DPO);
            identities.saveUser(user);
            identities.createMembership(DPO, "dpo");
        }
    }

    @Test
    void shouldAskAnAnonymousCallerToLogInWhateverItSends() {
        ResponseEntity<Map> anonymous = post("/api/breaches", BAD_BREACH, null, null);

        assertThat(anonymous.getStatusCode()).as("authenticated before the body is read")
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(anonymous.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(anonymous.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE))
                .isEqualTo("Basic realm=\"DSAR staff\", charset=\"UTF-8\"");
        assertThat(anonymous.getBody()).containsEntry("type", "urn:dsar:problem:unauthenticated")
                .containsEntry("title", "Login required").containsEntry("status", 401)
                .containsEntry("detail", "Log in with your Camunda user name and password.")
                .doesNotContainKey("errors");

        // Not a real user: a wrong password would lock a real one for seconds (Camunda's login delay).
        assertThat(post("/api/breaches", BAD_BREACH, "intruder", "guess").getStatusCode())
                .as("unknown user or wrong password").isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(post("/api/legal-holds", "not even json", null, null).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.getForEntity("/api/officer/requests/DSAR-00000-00000/corrections", Map.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void shouldForbidUsersOutsideTheEndpointsGroupWhateverTheySend() {
        ResponseEntity<Map> officer = post("/api/breaches", BAD_BREACH, "officer", "officer");

        assertThat(officer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(officer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(officer.getBody()).containsEntry("type", "urn:dsar:problem:forbidden")
                .containsEntry("title", "Forbidden").containsEntry("status", 403)
                .containsEntry("detail", "Only the DPO records and follows breaches.");

        assertThat(post("/api/legal-holds", BAD_BREACH, DPO, DPO).getBody())
                .containsEntry("status", 403).containsEntry("detail", "Only legal counsel manage legal holds.");
        assertThat(http.withBasicAuth("legal", "legal")
                .getForEntity("/api/officer/requests/DSAR-00000-00000/documents", Map.class).getBody())
                .containsEntry("status", 403).containsEntry("detail", "Only compliance officers open identity documents.");
    }

    @Test
    void shouldLetTheEndpointsGroupThroughToTheFieldRules() {
        ResponseEntity<Map> dpo = post("/api/breaches", BAD_BREACH, DPO, DPO);
        assertThat(dpo.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(dpo.getBody().get("detail")).asString().contains("description");

        assertThat(http.withBasicAuth(DPO, DPO).getForEntity("/api/breaches/BREACH-NONE", Map.class)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.withBasicAuth("officer", "officer")
                .getForEntity("/api/officer/requests/DSAR-00000-00000/corrections", Map.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void shouldCloseApiPathsThatNoRuleOpens() {
        assertThat(http.getForEntity("/api/undeclared", Map.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.withBasicAuth("admin", "admin").getForEntity("/api/undeclared", Map.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void shouldLeaveTheRequesterApiAndPagesPublicAndStateless() {
        ResponseEntity<Map> status = http.getForEntity("/api/requests/DSAR-00000-00000/status?token=x", Map.class);
        assertThat(status.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(status.getHeaders().get(HttpHeaders.SET_COOKIE)).as("no session").isNull();
        assertThat(http.getForEntity("/privacy/request", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(http.getForEntity("/assets/privacy.css", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        // The pages of earlier mails' links lead to the privacy center's (the test client follows the redirect).
        ResponseEntity<String> oldPage = http.getForEntity("/verify.html?reference=DSAR-00000-00000&code=123456",
                String.class);
        assertThat(oldPage.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(oldPage.getBody()).contains("Confirm your email address").contains("value=\"123456\"");
        ResponseEntity<String> oldIdentityPage = http.getForEntity("/identity.html?reference=DSAR-00000-00000&token=t",
                String.class);
        assertThat(oldIdentityPage.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(oldIdentityPage.getBody()).contains("We do not recognise this link");
    }

    @Test
    void shouldKeepCamundasOwnSecurityAndCreateNoDefaultUser() {
        assertThat(context.getBeanNamesForType(UserDetailsService.class)).as("no generated user").isEmpty();

        assertThat(http.getForEntity("/engine-rest/task", String.class).getStatusCode())
                .as("the engine's REST API answers its own 401").isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.withBasicAuth("officer", "officer").getForEntity("/engine-rest/task", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);

        ResponseEntity<String> tasklist = http.getForEntity("/camunda/app/tasklist/default/", String.class);
        assertThat(tasklist.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(tasklist.getHeaders().getFirst("Content-Security-Policy"))
                .as("the webapps keep their own policy").isNotEqualTo(contentSecurityPolicy());
        assertThat(tasklist.getHeaders().getFirst("Referrer-Policy")).isNull();
    }

    @Test
    void shouldSendSecurityHeadersWithTheApiAndThePages() {
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        assertSecurityHeaders(http.exchange("/api/requests", HttpMethod.POST, new HttpEntity<>("{}", json),
                String.class).getHeaders());
        assertSecurityHeaders(http.getForEntity("/api/requests/DSAR-00000-00000/status?token=x", String.class)
                .getHeaders());
        assertSecurityHeaders(http.getForEntity("/api/breaches/BREACH-NONE", String.class).getHeaders());
        for (String page : new String[] {"/privacy/request", "/privacy/requests/DSAR-00000-00000/verify",
                "/privacy/requests/DSAR-00000-00000?token=x"}) {
            ResponseEntity<String> html = http.getForEntity(page, String.class);
            assertSecurityHeaders(html.getHeaders());
            assertThat(html.getBody()).as(page + " has no script and no inline style for the policy to block")
                    .doesNotContain("<script").doesNotContain("<style").doesNotContain("style=")
                    .doesNotContainPattern("\\son[a-z]+=")
                    .contains("<link rel=\"stylesheet\" href=\"/assets/privacy.css\">");
        }
        assertSecurityHeaders(http.getForEntity("/assets/privacy.css", String.class).getHeaders());
        ResponseEntity<String> mailbox = http.getForEntity("/mailbox", String.class);
        assertThat(mailbox.getHeaders().getFirst("X-Frame-Options")).isEqualTo("DENY");
        assertThat(mailbox.getHeaders().getFirst("Content-Security-Policy")).contains("frame-ancestors 'none'")
                .contains("script-src 'self';");
    }

    private static void assertSecurityHeaders(HttpHeaders headers) {
        assertThat(headers.getFirst("Content-Security-Policy")).isEqualTo(contentSecurityPolicy());
        assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(headers.getFirst("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(headers.getFirst("X-Frame-Options")).isEqualTo("DENY");
    }

    private static String contentSecurityPolicy() {
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none';"
                + " base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    }

    private ResponseEntity<Map> post(String path, String body, String user, String password) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (user != null) {
            headers.setBasicAuth(user, password);
        }
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), Map.class);
    }
}
