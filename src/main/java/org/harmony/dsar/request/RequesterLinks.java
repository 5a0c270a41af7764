package org.harmony.dsar.request;

import java.time.Instant;

import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The links a requester receives by mail. Status and package links are the API's: a browser that opens them is sent
 * on to the privacy center's page ({@code RequesterController}); the other links open pages.
 */
@Component
public class RequesterLinks {

    private final RequesterTokens tokens;
    private final RequesterProperties properties;

    RequesterLinks(RequesterTokens tokens, RequesterProperties properties) {
        this.tokens = tokens;
        this.properties = properties;
    }

    public String issueToken(String requestId) {
        return tokens.issue(requestId);
    }

    /** A token for a link that must work until {@code expiresAt}. */
    public String issueToken(String requestId, Instant expiresAt) {
        return tokens.issue(requestId, expiresAt);
    }

    /** A token that opens only the package sent to another controller, until {@code expiresAt}. */
    public String issueTransmissionToken(String requestId, Instant expiresAt) {
        return tokens.issueTransmission(requestId, expiresAt);
    }

    /** The download link the other controller receives (GDPR Art 20(2)): the package only. */
    public String transmissionUrl(String reference, String token) {
        return base().path("/api/requests/{reference}/transmitted-package").queryParam("token", token)
                .buildAndExpand(reference).toUriString();
    }

    /** The page where a requester appeals a denial. */
    public String appealUrl(String reference, String token) {
        return base().path("/privacy/requests/{reference}/appeal").queryParam("token", token)
                .buildAndExpand(reference).toUriString();
    }

    public String statusUrl(String reference, String token) {
        return base().path("/api/requests/{reference}/status").queryParam("token", token)
                .buildAndExpand(reference).toUriString();
    }

    public String packageUrl(String reference, String token) {
        return base().path("/api/requests/{reference}/package").queryParam("token", token)
                .buildAndExpand(reference).toUriString();
    }

    /** The page where a requester answers a request for more information or uploads a document. */
    public String identityUrl(String reference, String token) {
        return base().path("/privacy/requests/{reference}/information").queryParam("token", token)
                .buildAndExpand(reference).toUriString();
    }

    /** The page where a requester enters a code or asks for a new one. */
    public String verifyPageUrl(String reference) {
        return base().path("/privacy/requests/{reference}/verify").buildAndExpand(reference).toUriString();
    }

    /** The page that confirms the code of the link when the requester presses its button (never by opening it). */
    public String verifyUrl(String reference, String code) {
        return base().path("/privacy/requests/{reference}/verify").queryParam("code", code)
                .buildAndExpand(reference).toUriString();
    }

    private UriComponentsBuilder base() {
        return UriComponentsBuilder.fromUriString(properties.publicBaseUrl());
    }
}
