package org.harmony.dsar.system;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Staff endpoints of the project's own API authenticate as the engine's REST API does: HTTP Basic against Camunda's
 * identity service, then membership of the group the endpoint is for.
 */
@Component
public class StaffAuthentication {

    private final IdentityService identities;

    StaffAuthentication(IdentityService identities) {
        this.identities = identities;
    }

    /**
     * The user id of a member of the group with a valid password; 401 (with a challenge, so that a browser asks for
     * the Camunda login) or 403 for anyone else.
     *
     * @param forbidden what a user outside the group is told
     */
    public String requireMember(String authorization, String groupId, String forbidden) {
        Optional<String[]> credentials = basic(authorization);
        if (credentials.isEmpty() || !identities.checkPassword(credentials.get()[0], credentials.get()[1])) {
            throw new Unauthenticated();
        }
        String userId = credentials.get()[0];
        if (identities.createGroupQuery().groupMember(userId).groupId(groupId).count() == 0) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", forbidden);
        }
        return userId;
    }

    private static Optional<String[]> basic(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon <= 0 ? Optional.empty()
                    : Optional.of(new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)});
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static final class Unauthenticated extends ApiProblem {
        Unauthenticated() {
            super(HttpStatus.UNAUTHORIZED, "unauthenticated", "Login required",
                    "Log in with your Camunda user name and password.");
            getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"DSAR staff\", charset=\"UTF-8\"");
        }
    }
}
