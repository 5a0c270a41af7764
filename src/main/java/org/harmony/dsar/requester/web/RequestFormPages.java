package org.harmony.dsar.requester.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.harmony.dsar.intake.IntakeService;
import org.harmony.dsar.intake.NewRequest;
import org.harmony.dsar.kernel.KeyedHash;
import org.harmony.dsar.kernel.MailAddress;
import org.harmony.dsar.kernel.web.RateLimited;
import org.harmony.dsar.lookup.DataSourceCatalogue;
import org.harmony.dsar.request.DsarRequest;
import org.harmony.dsar.request.Jurisdiction;
import org.harmony.dsar.request.ObjectionScope;
import org.harmony.dsar.request.RepeatedRequests;
import org.harmony.dsar.request.RequestRepository;
import org.harmony.dsar.request.RequestType;
import org.harmony.dsar.requester.FormTokens;
import org.harmony.dsar.requester.PageProblem;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The privacy center's request form: the same request as {@code POST /api/requests}, checked by the same rules and
 * accepted by the same {@link IntakeService}. Post, then redirect to the confirmation (no repeated request on reload).
 */
@Controller
class RequestFormPages {

    /** Identity data points a requester may add, by the names the verification rules match. */
    static final List<String> DATA_POINTS = List.of("phone", "postcode", "customerNumber");

    private final IntakeService intake;
    private final RequestRepository requests;
    private final Validator validator;
    private final FormTokens formTokens;
    private final KeyedHash hash;
    private final RepeatedRequests repeats;
    private final DataSourceCatalogue catalogue;

    RequestFormPages(IntakeService intake, RequestRepository requests, Validator validator, FormTokens formTokens,
            KeyedHash hash, RepeatedRequests repeats, DataSourceCatalogue catalogue) {
        this.catalogue = catalogue;
        this.intake = intake;
        this.requests = requests;
        this.repeats = repeats;
        this.validator = validator;
        this.formTokens = formTokens;
        this.hash = hash;
    }

    @GetMapping("/privacy")
    String home() {
        return "redirect:/privacy/request";
    }

    /**
     * The empty form. A browser sending Global Privacy Control ({@code Sec-GPC: 1}) is offered an opt-out of sale or
     * sharing under the CCPA, which the visitor can change before sending.
     */
    @GetMapping("/privacy/request")
    String form(@RequestHeader(name = "Sec-GPC", required = false) String gpc, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        boolean globalPrivacyControl = "1".equals(gpc);
        RequestForm form = globalPrivacyControl
                ? RequestForm.empty().with(RequestType.OPT_OUT_OF_SALE.name(), Jurisdiction.US_CA.code())
                : RequestForm.empty();
        model.addAttribute("globalPrivacyControl", globalPrivacyControl);
        return show(form, Map.of(), request, response, model);
    }

    @PostMapping("/privacy/request")
    String submit(@ModelAttribute RequestForm form, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        Locale locale = RequestContextUtils.getLocale(request);
        NewRequest body = form.toNewRequest(locale.getLanguage());
        Map<String, String> errors = new LinkedHashMap<>();
        for (ConstraintViolation<NewRequest> violation : validator.validate(body)) {
            errors.putIfAbsent(RequestForm.field(violation.getPropertyPath().toString()), errorKey(violation));
        }
        if (errors.isEmpty()) {
            try {
                DsarRequest accepted = intake.submit(body);
                return "redirect:" + UriComponentsBuilder.fromPath("/privacy/request/received")
                        .queryParam("reference", accepted.reference())
                        .queryParam("receipt", receipt(accepted.reference())).build().toUriString();
            } catch (RateLimited limited) {
                errors.put("form", "error.tooMany");
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return show(form, errors, request, response, model);
    }

    /** What the requester sees after sending: the reference and due date, nothing personal. */
    @GetMapping("/privacy/request/received")
    String received(@RequestParam(required = false) String reference, @RequestParam(required = false) String receipt,
            HttpServletRequest request, Model model) {
        if (reference == null || receipt == null || reference.length() > 32
                || !MessageDigest.isEqual(receipt(reference).getBytes(StandardCharsets.US_ASCII),
                        receipt.getBytes(StandardCharsets.US_ASCII))) {
            throw new PageProblem(404, "unknown-link");
        }
        DsarRequest accepted = requests.findByReference(reference).orElse(null);
        Optional<RepeatedRequests.RepeatAnswer> repeat = accepted == null ? repeats.answer(reference) : Optional.empty();
        if (accepted == null && repeat.isEmpty()) {
            throw new PageProblem(404, "unknown-link");
        }
        Jurisdiction jurisdiction = accepted != null ? accepted.jurisdiction()
                : requests.get(repeat.get().requestId()).jurisdiction();
        Instant dueAt = accepted != null ? accepted.dueAt() : repeat.get().dueAt();
        Locale locale = RequestContextUtils.getLocale(request);
        model.addAttribute("reference", reference);
        model.addAttribute("jurisdiction", jurisdiction.code());
        model.addAttribute("dueDate", dueAt == null ? null
                : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale)
                        .format(dueAt.atZone(jurisdiction.zone())));
        return "privacy/received";
    }

    private String show(RequestForm form, Map<String, String> errors, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        model.addAttribute("values", form.values());
        model.addAttribute("errors", errors);
        model.addAttribute("types", RequestType.values());
        model.addAttribute("jurisdictions", Jurisdiction.values());
        model.addAttribute("dataPoints", DATA_POINTS);
        model.addAttribute("consents", catalogue.consents());
        model.addAttribute("objectionScopes", ObjectionScope.values());
        model.addAttribute("formToken", formTokens.issue(request, response));
        return "privacy/request";
    }

    /** Binds the confirmation page to the request it was made for, so no one can browse references. */
    private String receipt(String reference) {
        return hash.hex("privacy-center-receipt:" + reference).substring(0, 32);
    }

    /** The message for a broken rule, in the page's language. */
    static String errorKey(ConstraintViolation<?> violation) {
        Class<?> constraint = violation.getConstraintDescriptor().getAnnotation().annotationType();
        if (constraint == NotNull.class || constraint == NotBlank.class) {
            return "error.required";
        }
        if (constraint == MailAddress.class) {
            return "error.email";
        }
        if (constraint == Size.class) {
            return "error.tooLong";
        }
        if (constraint == AssertTrue.class) {
            return "transmitToForPortability".equals(violation.getPropertyPath().toString())
                    ? "error.transmitToNotPortability" : "error.typeNotInJurisdiction";
        }
        return "error.invalid";
    }

    /** The form's fields as posted; blank fields are absent. */
    record RequestForm(String type, String jurisdiction, String fullName, String email, String phone, String postcode,
            String customerNumber, String agent, String agentName, String agentEmail, String agentRelationship,
            String details, List<String> consents, String objectsTo, String nameRecipients, String transmitTo) {

        static RequestForm empty() {
            return new RequestForm(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                    null, null);
        }

        RequestForm with(String newType, String newJurisdiction) {
            return new RequestForm(newType, newJurisdiction, fullName, email, phone, postcode, customerNumber, agent,
                    agentName, agentEmail, agentRelationship, details, consents, objectsTo, nameRecipients,
                    transmitTo);
        }

        /** The posted values by field name, as the page shows them again. */
        Map<String, Object> values() {
            Map<String, Object> values = new HashMap<>();
            values.put("type", type);
            values.put("jurisdiction", jurisdiction);
            values.put("fullName", fullName);
            values.put("email", email);
            values.put("phone", phone);
            values.put("postcode", postcode);
            values.put("customerNumber", customerNumber);
            values.put("agent", actingForSomeoneElse());
            values.put("agentName", agentName);
            values.put("agentEmail", agentEmail);
            values.put("agentRelationship", agentRelationship);
            values.put("details", details);
            values.put("nameRecipients", "true".equals(nameRecipients));
            values.put("consents", consents == null ? List.of() : consents);
            values.put("objectsTo", objectsTo);
            values.put("transmitTo", transmitTo);
            return values;
        }

        NewRequest toNewRequest(String language) {
            Map<String, String> points = new LinkedHashMap<>();
            putIfGiven(points, "phone", phone);
            putIfGiven(points, "postcode", postcode);
            putIfGiven(points, "customerNumber", customerNumber);
            NewRequest.AgentDetails agentDetails = actingForSomeoneElse()
                    ? new NewRequest.AgentDetails(blankToNull(agentName), blankToNull(agentEmail),
                            blankToNull(agentRelationship))
                    : null;
            return new NewRequest(
                    type == null ? null : Arrays.stream(RequestType.values())
                            .filter(t -> t.name().equals(type)).findFirst().orElse(null),
                    jurisdiction == null ? null : Jurisdiction.fromCode(jurisdiction).orElse(null),
                    blankToNull(email), blankToNull(fullName), blankToNull(details),
                    points, agentDetails, language,
                    consents == null || consents.isEmpty() ? null : List.copyOf(consents),
                    objectsTo == null || objectsTo.isBlank() ? null : Arrays.stream(ObjectionScope.values())
                            .filter(s -> s.name().equals(objectsTo)).findFirst().orElse(null),
                    "true".equals(nameRecipients) ? Boolean.TRUE : null, blankToNull(transmitTo));
        }

        boolean actingForSomeoneElse() {
            return "true".equals(agent);
        }

        /** The form field a rule of {@link NewRequest} concerns. */
        static String field(String propertyPath) {
            if (propertyPath.startsWith("dataPoints")) {
                return DATA_POINTS.stream().filter(propertyPath::contains).findFirst().orElse("phone");
            }
            return switch (propertyPath) {
                case "agent.name" -> "agentName";
                case "agent.email" -> "agentEmail";
                case "agent.relationship" -> "agentRelationship";
                case "language" -> "form";
                case "typeOfferedUnderJurisdiction" -> "type";
                case "transmitToForPortability" -> "transmitTo";
                default -> propertyPath;
            };
        }

        private static void putIfGiven(Map<String, String> points, String name, String value) {
            if (value != null && !value.isBlank()) {
                points.put(name, value.strip());
            }
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value;
        }
    }
}
