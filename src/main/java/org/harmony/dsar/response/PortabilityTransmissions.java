package org.harmony.dsar.response;

import java.util.Map;
import java.util.Optional;

import org.harmony.dsar.fulfilment.AccessPackage;
import org.harmony.dsar.fulfilment.AccessPackages;
import org.harmony.dsar.fulfilment.FulfilmentProperties;
import org.harmony.dsar.kernel.KeyedHash;
import org.harmony.dsar.mail.MailService;
import org.harmony.dsar.mail.OutgoingMail;
import org.harmony.dsar.request.DsarRequest;
import org.harmony.dsar.request.RequestEvents;
import org.harmony.dsar.request.RequestRepository;
import org.harmony.dsar.request.RequesterLinks;
import org.harmony.dsar.request.ReviewDecision;
import org.harmony.dsar.request.TransmissionDecision;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Portability straight to another controller (GDPR Art 20(2)). The requester names the controller's email address
 * ({@code transmitTo}); it is kept in the request's row with its keyed hash (HMAC-SHA-256 with
 * {@code dsar.security.hash-key}). The reviewing officer approves or refuses the transmission explicitly; an approval
 * records the keyed hash of the address approved. When the response goes out the package is sent only if the
 * address held then hashes to the approved one: the other controller gets a download link with a token that opens
 * that package only and expires with it. A changed address or a refusal sends nothing and is recorded.
 */
@Component
public class PortabilityTransmissions {

    /** The mail to the other controller. */
    static final String TRANSMISSION = "portability-transmission";
    static final String TRANSMITTED = "portability-transmitted";
    static final String NOT_TRANSMITTED = "portability-not-transmitted";

    private final JdbcClient jdbc;
    private final KeyedHash hash;
    private final RequestEvents events;
    private final MailService mail;
    private final RequesterLinks links;
    private final AccessPackages packages;
    private final FulfilmentProperties properties;

    PortabilityTransmissions(JdbcClient jdbc, KeyedHash hash, RequestEvents events, MailService mail,
            RequesterLinks links, AccessPackages packages, FulfilmentProperties properties) {
        this.jdbc = jdbc;
        this.hash = hash;
        this.events = events;
        this.mail = mail;
        this.links = links;
        this.packages = packages;
        this.properties = properties;
    }

    private String fingerprint(String address) {
        return RequestRepository.transmitToKey(address, hash);
    }

    /** The address the package is to be sent to, if the requester gave one. */
    public Optional<String> destination(String requestId) {
        return jdbc.sql("SELECT transmit_to FROM dsar_request WHERE id = :id").param("id", requestId)
                .query(String.class).optional();
    }

    /** Why the review as entered cannot be completed; empty when it can. */
    public Optional<String> refusal(String requestId, ReviewDecision reviewDecision,
            TransmissionDecision transmissionDecision) {
        if (reviewDecision != ReviewDecision.APPROVE || destination(requestId).isEmpty()) {
            return Optional.empty();
        }
        if (transmissionDecision == null) {
            return Optional.of("The requester asked for their data to be sent to another controller: approve or "
                    + "refuse the transmission explicitly.");
        }
        return Optional.empty();
    }

    /** Records the officer's decision on an approved response; an approval keeps the hash of the address approved. */
    public void decide(String requestId, ReviewDecision reviewDecision, TransmissionDecision transmissionDecision,
            String reviewer) {
        if (reviewDecision != ReviewDecision.APPROVE || destination(requestId).isEmpty()) {
            return;
        }
        boolean approved = transmissionDecision == TransmissionDecision.TRANSMIT;
        jdbc.sql("UPDATE dsar_request SET transmission_approved_key = "
                        + (approved ? "transmit_to_key" : "NULL") + " WHERE id = :id")
                .param("id", requestId).update();
        events.record(requestId, approved ? "TRANSMISSION_APPROVED" : "TRANSMISSION_REFUSED", "by=" + reviewer);
    }

    /**
     * After the package was released: sends the link to the approved destination, or nothing. Returns the requester
     * mail that tells the outcome with its model; empty when no transmission was asked for.
     */
    public Optional<Outcome> transmit(DsarRequest request, String idempotencyKey) {
        Optional<String> destination = destination(request.id());
        if (destination.isEmpty()) {
            return Optional.empty();
        }
        String approvedKey = jdbc.sql("SELECT transmission_approved_key FROM dsar_request WHERE id = :id")
                .param("id", request.id()).query(String.class).optional().orElse(null);
        Optional<AccessPackage> released = packages.latest(request.id()).filter(AccessPackage::isReleased);
        if (approvedKey == null) {
            return Optional.of(new Outcome(NOT_TRANSMITTED, Map.of("destination", destination.get(),
                    "transmissionReason", "REFUSED")));
        }
        if (!approvedKey.equals(fingerprint(destination.get()))) {
            events.record(request.id(), "TRANSMISSION_DESTINATION_CHANGED", "refused: the destination differs from "
                    + "the one the officer approved");
            return Optional.of(new Outcome(NOT_TRANSMITTED, Map.of("destination", destination.get(),
                    "transmissionReason", "DESTINATION_CHANGED")));
        }
        if (released.isEmpty()) {
            events.record(request.id(), "TRANSMISSION_NOT_SENT", "no released package");
            return Optional.of(new Outcome(NOT_TRANSMITTED, Map.of("destination", destination.get(),
                    "transmissionReason", "NO_PACKAGE")));
        }
        String token = links.issueTransmissionToken(request.id(), released.get().expiresAt());
        Map<String, Object> controllerModel = Map.of("reference", request.reference(),
                "company", properties.companyName(), "contact", properties.contact(),
                "subjectName", request.fullName(),
                "packageUrl", links.transmissionUrl(request.reference(), token),
                "sha256", released.get().sha256());
        if (mail.send(new OutgoingMail(idempotencyKey, request.id(), destination.get(), TRANSMISSION, request.language(),
                controllerModel))) {
            events.record(request.id(), "TRANSMISSION_SENT", "destinationKey=" + approvedKey.substring(0, 12));
        }
        return Optional.of(new Outcome(TRANSMITTED, Map.of("destination", destination.get())));
    }

    /** The requester mail telling what happened to the transmission, and its model. */
    public record Outcome(String template, Map<String, Object> model) {
    }
}
