package org.harmony.dsar.requester.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.harmony.dsar.appeal.Appeals;
import org.harmony.dsar.request.DsarRequest;
import org.harmony.dsar.request.RequesterTokens;
import org.harmony.dsar.requester.FormTokens;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The privacy center's appeal page, opened by the denial mail's appeal link: the form while the window is open, the
 * appeal's state once filed; a law without an appeal, a request not denied and a closed window are refusal pages.
 */
@Controller
class AppealPages {

    private final RequesterTokens tokens;
    private final Appeals appeals;
    private final FormTokens formTokens;
    private final LocaleResolver locales;

    AppealPages(RequesterTokens tokens, Appeals appeals, FormTokens formTokens, LocaleResolver locales) {
        this.tokens = tokens;
        this.appeals = appeals;
        this.formTokens = formTokens;
        this.locales = locales;
    }

    @GetMapping("/privacy/requests/{reference}/appeal")
    String form(@PathVariable String reference, @RequestParam(required = false) String token,
            HttpServletRequest http, HttpServletResponse response, Model model) {
        DsarRequest request = tokens.requestFor(reference, token);
        locales.setLocale(http, response, request.language());
        Appeals.Appeal appeal = appeals.openFor(request);
        model.addAttribute("reference", request.reference());
        model.addAttribute("token", token);
        model.addAttribute("law", request.jurisdiction().law());
        model.addAttribute("appealed", appeal.appealedAt() != null);
        model.addAttribute("appealUntil", Appeals.date(appeal.windowEndsAt(), request.jurisdiction(),
                locales.resolveLocale(http)));
        model.addAttribute("statementMax", Appeals.MAX_TEXT);
        model.addAttribute("formToken", formTokens.issue(http, response));
        return "privacy/appeal";
    }

    @PostMapping("/privacy/requests/{reference}/appeal")
    String appeal(@PathVariable String reference, @RequestParam(required = false) String token,
            @RequestParam(required = false) String statement) {
        DsarRequest request = tokens.requestFor(reference, token);
        appeals.file(request, statement);
        return "redirect:" + UriComponentsBuilder.fromPath("/privacy/requests/{reference}/appeal")
                .queryParam("token", token).uriVariables(Map.of("reference", request.reference())).build()
                .toUriString();
    }
}
