package org.harmony.dsar.requester.web;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.harmony.dsar.fulfilment.AccessPackage;
import org.harmony.dsar.request.DsarRequest;
import org.harmony.dsar.request.RequestEvents;
import org.harmony.dsar.request.RequestRepository;
import org.harmony.dsar.request.RequestStage;
import org.harmony.dsar.request.RequesterTokens;
import org.harmony.dsar.requester.FormTokens;
import org.harmony.dsar.requester.PageProblem;
import org.harmony.dsar.requester.RequesterDownloads;
import org.harmony.dsar.verification.IdentityEvidence;
import org.harmony.dsar.verification.VerificationService;
import org.springframework.context.MessageSource;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The pages a requester's links open: status, email confirmation, identity information and documents, and the data
 * package. Each is opened by the reference and token of the link (the confirmation by the code), in the request's
 * language. Posts redirect back to a page, so a reload never sends anything twice.
 */
@Controller
class RequestPages {

    private final RequesterTokens tokens;
    private final RequestRepository requests;
    private final RequestEvents events;
    private final VerificationService verification;
    private final IdentityEvidence evidence;
    private final RequesterDownloads downloads;
    private final FormTokens formTokens;
    private final LocaleResolver locales;
    private final MessageSource messages;

    RequestPages(RequesterTokens tokens, RequestRepository requests, RequestEvents events,
            VerificationService verification, IdentityEvidence evidence, RequesterDownloads downloads,
            FormTokens formTokens, LocaleResolver locales, MessageSource messages) {
        this.tokens = tokens;
        this.requests = requests;
        this.events = events;
        this.verification = verification;
        this.evidence = evidence;
        this.downloads = downloads;
        this.formTokens = formTokens;
        this.locales = locales;
        this.messages = messages;
    }

    @GetMapping("/privacy/requests/{reference}")
    String status(@PathVariable String reference, @RequestParam(required = false) String token,
            HttpServletRequest http, HttpServletResponse response, Model model) {
        DsarRequest request = open(reference, token, http, response, model);
        Locale locale = locales.resolveLocale(http);
        ZoneId zone = request.jurisdiction().zone();
        List<Map<String, String>> timeline = new ArrayList<>();
        for (RequestEvents.Event event : events.of(request.id())) {
            String key = "event." + event.type();
            if ("MAIL_SENT".equals(event.type()) && event.detail() != null && event.detail().startsWith("staff-")) {
                continue;
            }
            String text = messages.getMessage(key, null, null, locale);
            if (text != null) {
                timeline.add(Map.of("at", dateTime(event.occurredAt(), zone, locale), "text", text));
            }
        }
        RequestStage stage = request.stage();
        model.addAttribute("stage", stage.name());
        model.addAttribute("timeline", timeline);
        model.addAttribute("receivedDate", date(request.receivedAt(), zone, locale));
        model.addAttribute("completedDate", request.completedAt() == null ? null
                : date(request.completedAt(), zone, locale));
        model.addAttribute("canSendInformation", awaitsIdentity(stage));
        model.addAttribute("packageAvailable", downloads.downloadable(request).isPresent());
        return "privacy/status";
    }

    /**
     * The page the code mail links to. Opening it verifies nothing (mail scanners open links): the requester confirms
     * with the button, which posts the code.
     */
    @GetMapping("/privacy/requests/{reference}/verify")
    String verifyForm(@PathVariable String reference, @RequestParam(required = false) String code,
            @RequestParam(required = false) String result, HttpServletRequest http, HttpServletResponse response,
            Model model) {
        requests.findByReference(reference.length() > 32 ? "" : reference)
                .ifPresent(request -> locales.setLocale(http, response, request.language()));
        model.addAttribute("reference", reference);
        model.addAttribute("code", code != null && code.matches("\\d{6,10}") ? code : null);
        model.addAttribute("result", result != null && result.matches("[a-z-]{1,30}") ? result : null);
        model.addAttribute("formToken", formTokens.issue(http, response));
        return "privacy/verify";
    }

    @PostMapping("/privacy/requests/{reference}/verify")
    String verify(@PathVariable String reference, @RequestParam(required = false) String code) {
        String result;
        if (code == null || !code.strip().matches("\\d{6,10}") || reference.length() > 32) {
            result = "wrong-code";
        } else {
            result = switch (verification.verify(reference, code.strip())) {
                case VERIFIED, ALREADY_VERIFIED -> "verified";
                case WRONG_CODE -> "wrong-code";
                case LOCKED -> "locked";
                case EXPIRED -> "expired";
                case NO_ACTIVE_CODE -> "no-active-code";
                case NOT_AWAITING -> "not-awaiting";
            };
        }
        return "redirect:" + page(reference, "/verify").queryParam("result", result).build().toUriString();
    }

    @PostMapping("/privacy/requests/{reference}/verify/resend")
    String resend(@PathVariable String reference) {
        boolean tooMany = reference.length() <= 32
                && verification.requestNewCode(reference) == VerificationService.NewCode.TOO_MANY;
        return "redirect:" + page(reference, "/verify").queryParam("result", tooMany ? "too-many-codes" : "code-sent")
                .build().toUriString();
    }

    @GetMapping("/privacy/requests/{reference}/information")
    String informationForm(@PathVariable String reference, @RequestParam(required = false) String token,
            @RequestParam(required = false) String result, HttpServletRequest http, HttpServletResponse response,
            Model model) {
        DsarRequest request = open(reference, token, http, response, model);
        model.addAttribute("waiting", awaitsIdentity(request.stage()));
        model.addAttribute("dataPoints", RequestFormPages.DATA_POINTS);
        model.addAttribute("declaration", IdentityEvidence.DECLARATION);
        model.addAttribute("question", evidence.question(request.id()).map(IdentityEvidence.Question::question)
                .orElse(null));
        model.addAttribute("answerMax", IdentityEvidence.MAX_TEXT);
        model.addAttribute("result", result != null && result.matches("[a-z-]{1,30}") ? result : null);
        return "privacy/information";
    }

    @PostMapping("/privacy/requests/{reference}/information")
    String sendInformation(@PathVariable String reference, @RequestParam(required = false) String token,
            @RequestParam Map<String, String> fields) {
        DsarRequest request = tokens.requestFor(reference, token);
        Map<String, String> points = new LinkedHashMap<>();
        for (String name : RequestFormPages.DATA_POINTS) {
            String value = fields.get(name);
            if (value != null && !value.isBlank() && value.length() <= 200 && !value.matches(".*\\p{Cc}.*")) {
                points.put(name, value.strip());
            }
        }
        String signedName = fields.get("signedName");
        boolean declared = "on".equals(fields.get("declarationAccepted")) && signedName != null
                && !signedName.isBlank() && signedName.length() <= 200 && !signedName.matches(".*\\p{Cc}.*");
        String answer = fields.get("answer");
        boolean answered = answer != null && !answer.isBlank();
        String result;
        if (points.isEmpty() && !declared && !answered) {
            result = "nothing-sent";
        } else if (answered && (answer.replace("\r\n", "\n").strip().length() > IdentityEvidence.MAX_TEXT
                || answer.matches("(?s).*[\\p{Cc}&&[^\\r\\n\\t]].*"))) {
            result = "answer-length";
        } else {
            try {
                evidence.addInformation(request.id(), points, declared ? signedName : null, answered ? answer : null);
                result = "information-received";
            } catch (IdentityEvidence.EvidenceRefused refused) {
                result = refused.type();
            }
        }
        return backToInformation(reference, token, result);
    }

    @PostMapping("/privacy/requests/{reference}/documents")
    String upload(@PathVariable String reference, @RequestParam(required = false) String token,
            @RequestParam(required = false) MultipartFile document) throws IOException {
        DsarRequest request = tokens.requestFor(reference, token);
        String result;
        if (document == null || document.isEmpty()) {
            result = "empty-document";
        } else {
            try {
                evidence.storeDocument(request.id(), document.getContentType(), document.getBytes());
                result = "document-received";
            } catch (IdentityEvidence.EvidenceRefused refused) {
                result = refused.type();
            }
        }
        return backToInformation(reference, token, result);
    }

    private static String backToInformation(String reference, String token, String result) {
        return "redirect:" + page(reference, "/information").queryParam("token", token)
                .queryParam("result", result).build().toUriString();
    }

    /** What the package holds and until when, with the download button. */
    @GetMapping("/privacy/requests/{reference}/download")
    String download(@PathVariable String reference, @RequestParam(required = false) String token,
            HttpServletRequest http, HttpServletResponse response, Model model) {
        DsarRequest request = open(reference, token, http, response, model);
        AccessPackage available = downloads.released(request);
        Locale locale = locales.resolveLocale(http);
        model.addAttribute("files", downloads.contents(available));
        model.addAttribute("sizeKb", Math.max(1, (available.sizeBytes() + 1023) / 1024));
        model.addAttribute("expiryDate", dateTime(available.expiresAt(), request.jurisdiction().zone(), locale));
        model.addAttribute("packageUrl", page(reference, "/package").queryParam("token", token).build().toUriString());
        return "privacy/download";
    }

    @GetMapping("/privacy/requests/{reference}/package")
    ResponseEntity<Resource> downloadPackage(@PathVariable String reference,
            @RequestParam(required = false) String token) {
        return downloads.zip(tokens.requestFor(reference, token));
    }

    /** The request the link opens, in its language; its facts in the model. */
    private DsarRequest open(String reference, String token, HttpServletRequest http, HttpServletResponse response,
            Model model) {
        DsarRequest request = tokens.requestFor(reference, token);
        locales.setLocale(http, response, request.language());
        Locale locale = locales.resolveLocale(http);
        model.addAttribute("reference", request.reference());
        model.addAttribute("token", token);
        model.addAttribute("type", request.type().name());
        model.addAttribute("jurisdiction", request.jurisdiction().code());
        model.addAttribute("law", request.jurisdiction().law());
        model.addAttribute("dueDate", request.dueAt() == null ? null
                : date(request.dueAt(), request.jurisdiction().zone(), locale));
        model.addAttribute("formToken", formTokens.issue(http, response));
        return request;
    }

    private static boolean awaitsIdentity(RequestStage stage) {
        return stage == RequestStage.RECEIVED || stage == RequestStage.VERIFYING_IDENTITY;
    }

    private static UriComponentsBuilder page(String reference, String path) {
        if (!reference.matches("[A-Za-z0-9-]{1,32}")) {
            throw new PageProblem(404, "unknown-link");
        }
        return UriComponentsBuilder.fromPath("/privacy/requests/{reference}" + path).uriVariables(
                Map.of("reference", reference));
    }

    private static String date(Instant instant, ZoneId zone, Locale locale) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(instant.atZone(zone));
    }

    private static String dateTime(Instant instant, ZoneId zone, Locale locale) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT).withLocale(locale)
                .format(instant.atZone(zone));
    }
}
