package org.harmony.dsar.requester;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.Cookie;

import org.harmony.dsar.kernel.KeyedHash;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class FormTokensTest {

    private final FormTokens tokens = new FormTokens(new KeyedHash("test-key"));

    @Test
    void shouldAcceptTheTokenOfTheBrowsersOwnCookieOnly() {
        MockHttpServletResponse page = new MockHttpServletResponse();
        String token = tokens.issue(new MockHttpServletRequest("GET", "/privacy/request"), page);
        String setCookie = page.getHeader(HttpHeaders.SET_COOKIE);
        assertThat(setCookie).contains("HttpOnly").contains("SameSite=Strict").contains("Path=/privacy");
        Cookie cookie = new Cookie(FormTokens.COOKIE, setCookie.substring(setCookie.indexOf('=') + 1,
                setCookie.indexOf(';')));

        assertThat(tokens.isValid(post(token, cookie))).isTrue();
        assertThat(tokens.isValid(post(token))).as("no cookie: another site's post").isFalse();
        assertThat(tokens.isValid(post(null, cookie))).as("no token").isFalse();
        String otherBrowsersToken = tokens.issue(new MockHttpServletRequest("GET", "/privacy/request"),
                new MockHttpServletResponse());
        assertThat(tokens.isValid(post(otherBrowsersToken, cookie))).isFalse();
        assertThat(tokens.isValid(post(token, new Cookie(FormTokens.COOKIE, "x".repeat(43))))).isFalse();
    }

    @Test
    void shouldKeepTheCookieABrowserAlreadyHas() {
        Cookie cookie = new Cookie(FormTokens.COOKIE, "a".repeat(43));
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/privacy/request");
        request.setCookies(cookie);
        MockHttpServletResponse response = new MockHttpServletResponse();

        String token = tokens.issue(request, response);

        assertThat(response.getHeader(HttpHeaders.SET_COOKIE)).isNull();
        assertThat(tokens.isValid(post(token, cookie))).isTrue();
    }

    private static MockHttpServletRequest post(String token, Cookie... cookies) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/privacy/request");
        if (token != null) {
            request.setParameter(FormTokens.FIELD, token);
        }
        if (cookies.length > 0) {
            request.setCookies(cookies);
        }
        return request;
    }
}
