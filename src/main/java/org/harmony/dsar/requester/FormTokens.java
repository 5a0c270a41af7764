package org.harmony.dsar.requester;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.harmony.dsar.kernel.KeyedHash;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * CSRF protection for the privacy center's forms, without a session: a random value in a {@code SameSite=Strict},
 * {@code HttpOnly} cookie, and in each form the keyed hash (HMAC with the installation's key) of that value. Another
 * site can neither read the cookie nor compute the hash, and the browser does not send the cookie with its posts.
 */
@Component
public class FormTokens {

    static final String COOKIE = "dsar_form";
    static final String FIELD = "formToken";

    private final KeyedHash hash;
    private final SecureRandom random = new SecureRandom();

    FormTokens(KeyedHash hash) {
        this.hash = hash;
    }

    /** The token for the forms of the page being rendered; sets the cookie when the browser has none. */
    public String issue(HttpServletRequest request, HttpServletResponse response) {
        String seed = seed(request).orElseGet(() -> {
            byte[] bytes = new byte[32];
            random.nextBytes(bytes);
            String fresh = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(COOKIE, fresh).path("/privacy")
                    .httpOnly(true).secure(request.isSecure()).sameSite("Strict").build().toString());
            request.setAttribute(COOKIE, fresh);
            return fresh;
        });
        return tokenFor(seed);
    }

    /** Whether the posted form carries the token of the browser's cookie. */
    boolean isValid(HttpServletRequest request) {
        String submitted = request.getParameter(FIELD);
        return submitted != null && seed(request).map(seed -> MessageDigest.isEqual(
                tokenFor(seed).getBytes(StandardCharsets.US_ASCII), submitted.getBytes(StandardCharsets.US_ASCII)))
                .orElse(false);
    }

    private String tokenFor(String seed) {
        return hash.hex("privacy-center-form:" + seed);
    }

    private static Optional<String> seed(HttpServletRequest request) {
        if (request.getAttribute(COOKIE) instanceof String issued) {
            return Optional.of(issued);
        }
        Cookie[] cookies = request.getCookies();
        return cookies == null ? Optional.empty() : Arrays.stream(cookies)
                .filter(cookie -> COOKIE.equals(cookie.getName()) && cookie.getValue() != null
                        && cookie.getValue().length() >= 32 && cookie.getValue().length() <= 64)
                .map(Cookie::getValue).findFirst();
    }
}
