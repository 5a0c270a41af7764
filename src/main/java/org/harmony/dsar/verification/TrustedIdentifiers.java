package org.harmony.dsar.verification;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.harmony.dsar.lookup.VerifiedIdentifiers.Basis;
import org.harmony.dsar.lookup.VerifiedIdentifiers.Identifier;
import org.harmony.dsar.lookup.VerifiedIdentifiers;
import org.harmony.dsar.request.DsarRequest;
import org.harmony.dsar.request.RequestRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decides, when a request's identity is verified, which identifiers may find and change the subject's records, and
 * why each is trusted: the email proved by code or link (or by an officer's review), the identifiers the system of
 * record holds for that email, and the submitted data points an officer confirmed. Anything else the requester typed
 * stays evidence for the identity check only. For an agent's request the email is the subject's, confirmed by the
 * subject or the officer; the agent's own address never finds anything.
 */
@Service
public class TrustedIdentifiers {

    private final RequestRepository requests;
    private final IdentityMatching matching;
    private final VerifiedIdentifiers verified;
    private final VerificationProperties properties;
    private final ObjectMapper json;

    TrustedIdentifiers(RequestRepository requests, IdentityMatching matching, VerifiedIdentifiers verified,
            VerificationProperties properties, ObjectMapper json) {
        this.requests = requests;
        this.matching = matching;
        this.verified = verified;
        this.properties = properties;
        this.json = json;
    }

    /**
     * Records the identifiers of a request whose identity was just verified.
     *
     * @param emailCheckRequired whether the verification level asked for the email to be confirmed
     * @param review             the officer's review that verified the identity, or null when none did
     */
    @Transactional
    public List<Identifier> recordFor(String requestId, boolean emailCheckRequired, OfficerReview review) {
        DsarRequest request = requests.get(requestId);
        List<Identifier> identifiers = new ArrayList<>();
        Basis emailBasis = emailBasis(request, emailCheckRequired, review);
        String agentNote = request.agent() == null ? null : "the subject's address, not the agent's";
        identifiers.add(new Identifier(VerifiedIdentifiers.EMAIL, request.email(), emailBasis,
                emailBasis == Basis.OFFICER_VERIFIED ? join("by " + review.officer(), agentNote) : agentNote));
        if (emailBasis != Basis.NO_VERIFICATION_REQUIRED) {
            identifiers.addAll(tiedBySystemOfRecord(request.email()));
            if (review != null) {
                identifiers.addAll(confirmedByOfficer(request, review, identifiers));
            }
        }
        verified.record(requestId, identifiers);
        return identifiers;
    }

    /** Names of the data points an officer may confirm as identifiers: submitted ones that are lookup identifiers. */
    public Set<String> confirmable(String requestId) {
        Set<String> names = new LinkedHashSet<>();
        Map<String, String> submitted = DataPoints.read(json, requests.get(requestId).dataPointsJson());
        for (String name : properties.lookupIdentifiers()) {
            submitted.keySet().stream().filter(candidate -> IdentityMatching.key(candidate).equals(
                    IdentityMatching.key(name))).findFirst().ifPresent(found -> names.add(name));
        }
        return names;
    }

    /** Parses the officer's list ("phone, customerNumber"); empty when blank. */
    public static List<String> parseNames(String names) {
        if (names == null || names.isBlank()) {
            return List.of();
        }
        return List.of(names.strip().split("\\s*[,;\\s]\\s*"));
    }

    /** Why the officer's list cannot be accepted, or empty when every name is a confirmable identifier. */
    public Optional<String> refusal(String requestId, String names) {
        Set<String> confirmable = confirmable(requestId);
        List<String> unknown = parseNames(names).stream()
                .filter(name -> confirmable.stream().noneMatch(c -> c.equalsIgnoreCase(name))).toList();
        if (unknown.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("Only identifiers the requester submitted can be confirmed ("
                + (confirmable.isEmpty() ? "none for this request" : String.join(", ", confirmable)) + "), not: "
                + String.join(", ", unknown) + ".");
    }

    private static Basis emailBasis(DsarRequest request, boolean emailCheckRequired, OfficerReview review) {
        if (request.verifiedAt() != null) {
            return Basis.EMAIL_CONFIRMED;
        }
        if (review != null) {
            return Basis.OFFICER_VERIFIED;
        }
        if (!emailCheckRequired) {
            return Basis.NO_VERIFICATION_REQUIRED;
        }
        throw new IllegalStateException("Request " + request.reference()
                + " is recorded as verified but its email was neither confirmed nor reviewed");
    }

    private List<Identifier> tiedBySystemOfRecord(String email) {
        Map<String, Identifier> tied = new LinkedHashMap<>();
        List<IdentityMatching.Recorded> recorded = matching.recordedFor(email);
        for (String name : properties.lookupIdentifiers()) {
            for (IdentityMatching.Recorded row : recorded) {
                row.value(name).ifPresent(value -> tied.putIfAbsent(name + "\u0000" + value,
                        new Identifier(name, value, Basis.SYSTEM_OF_RECORD, row.table())));
            }
        }
        return List.copyOf(tied.values());
    }

    private List<Identifier> confirmedByOfficer(DsarRequest request, OfficerReview review, List<Identifier> already) {
        Map<String, String> submitted = DataPoints.read(json, request.dataPointsJson());
        List<Identifier> confirmed = new ArrayList<>();
        for (String name : review.confirmedNames()) {
            String wanted = IdentityMatching.key(name);
            submitted.entrySet().stream()
                    .filter(point -> IdentityMatching.key(point.getKey()).equals(wanted))
                    .filter(point -> properties.lookupIdentifiers().stream()
                            .anyMatch(allowed -> IdentityMatching.key(allowed).equals(wanted)))
                    .findFirst()
                    .map(point -> new Identifier(canonical(name), point.getValue().strip(), Basis.OFFICER_CONFIRMED,
                            "by " + review.officer()))
                    .filter(candidate -> already.stream().noneMatch(known -> known.name().equals(candidate.name())
                            && known.value().equals(candidate.value())))
                    .ifPresent(confirmed::add);
        }
        return confirmed;
    }

    private String canonical(String name) {
        String wanted = IdentityMatching.key(name);
        return properties.lookupIdentifiers().stream().filter(allowed -> IdentityMatching.key(allowed).equals(wanted))
                .findFirst().orElse(name.toLowerCase(Locale.ROOT));
    }

    private static String join(String first, String second) {
        return second == null ? first : first + "; " + second;
    }

    /** An officer's "verified" decision in Review identity, and the submitted identifiers they confirmed. */
    public record OfficerReview(String officer, List<String> confirmedNames) {
    }
}
