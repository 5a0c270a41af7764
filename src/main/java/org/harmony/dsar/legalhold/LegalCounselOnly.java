package org.harmony.dsar.legalhold;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.harmony.dsar.system.StaffAuthentication;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Authenticates every call of the registry API before its body is read, so that an anonymous caller gets 401 and a
 * user outside {@code legalCounsel} 403 whatever they send; the user id reaches the controller as a request
 * attribute.
 */
@Configuration
class LegalCounselOnly implements WebMvcConfigurer, HandlerInterceptor {

    static final String COUNSEL_GROUP = "legalCounsel";
    static final String USER_ATTRIBUTE = "org.harmony.dsar.legalhold.counselUser";

    private final StaffAuthentication staff;

    LegalCounselOnly(StaffAuthentication staff) {
        this.staff = staff;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/legal-holds", "/api/legal-holds/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        request.setAttribute(USER_ATTRIBUTE, staff.requireMember(request.getHeader(HttpHeaders.AUTHORIZATION),
                COUNSEL_GROUP, "Only legal counsel manage legal holds."));
        return true;
    }
}
