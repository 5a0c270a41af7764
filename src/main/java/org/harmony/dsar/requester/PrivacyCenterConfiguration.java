package org.harmony.dsar.requester;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The privacy center's language choice, and the form token every post to its pages must carry. */
@Configuration(proxyBeanMethods = false)
class PrivacyCenterConfiguration implements WebMvcConfigurer {

    private final FormTokens formTokens;

    PrivacyCenterConfiguration(FormTokens formTokens) {
        this.formTokens = formTokens;
    }

    @Bean
    LocaleResolver localeResolver() {
        return new PageLocales();
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                if (!HttpMethod.GET.matches(request.getMethod()) && !formTokens.isValid(request)) {
                    throw new PageProblem(403, "form-expired");
                }
                return true;
            }
        }).addPathPatterns("/privacy/**");
    }
}
