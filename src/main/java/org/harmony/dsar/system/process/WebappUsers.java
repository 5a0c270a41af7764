package org.harmony.dsar.system.process;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;

/** The user logged in to the Camunda webapps in the request's session, for one engine. */
final class WebappUsers {

    private WebappUsers() {
    }

    /** Null when nobody is logged in to that engine. */
    static UserAuthentication of(HttpServletRequest request, String engine) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return null;
        }
        Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
        return authentications.getAuthenticationForProcessEngine(engine) instanceof UserAuthentication user
                ? user : null;
    }
}
