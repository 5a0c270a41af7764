package org.harmony.dsar.system;

import java.io.IOException;
import java.util.List;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a user logged in to the Camunda webapps open the staff pages and downloads a task form links to (the package,
 * the case file) in the same browser, without a second login: a GET or HEAD request without credentials that carries
 * the webapps' session (cookie {@code JSESSIONID}, path /) is authenticated as that session's user of the engine,
 * with the groups the identity service gives them now (a membership removed since the login counts at once).
 *
 * <p>Reading only: a request that changes anything still needs HTTP Basic, so no page of another site can use an
 * officer's session to change data (cross-site request forgery), and the session cookie is {@code SameSite=Lax}, so
 * another site's scripts and images never send it. The staff pages are the officer's to read in their own browser.
 */
final class WebappSessionAuthentication extends OncePerRequestFilter {

    private static final Set<String> READING = Set.of("GET", "HEAD");

    private final IdentityService identities;
    private final String engineName;

    WebappSessionAuthentication(IdentityService identities, String engineName) {
        this.identities = identities;
        this.engineName = engineName;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !READING.contains(request.getMethod()) || request.getHeader(HttpHeaders.AUTHORIZATION) != null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null && AuthenticationUtil.getAuthsFromSession(session)
                .getAuthenticationForProcessEngine(engineName) instanceof UserAuthentication user
                && identities.createUserQuery().userId(user.getIdentityId()).count() == 1) {
            List<SimpleGrantedAuthority> groups = identities.createGroupQuery().groupMember(user.getIdentityId())
                    .list().stream().map(group -> new SimpleGrantedAuthority(group.getId())).toList();
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(
                    UsernamePasswordAuthenticationToken.authenticated(user.getIdentityId(), null, groups));
            SecurityContextHolder.setContext(context);
        }
        chain.doFilter(request, response);
    }
}
