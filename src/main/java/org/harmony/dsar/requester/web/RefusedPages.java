package org.harmony.dsar.requester.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.harmony.dsar.kernel.web.PageRefusal;
import org.harmony.dsar.request.RequestRepository;
import org.harmony.dsar.requester.PageProblem;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The page for a post or a page the guard refused before any controller ran (too many requests, a body too large):
 * in the language of the request whose page it was, otherwise the browser's. Opened directly, it is an unknown link.
 */
@Controller
class RefusedPages {

    private static final Pattern REQUEST_PAGE = Pattern.compile("/privacy/requests/([A-Za-z0-9-]{1,32})(/.*)?");

    private final RequestRepository requests;
    private final LocaleResolver locales;

    RefusedPages(RequestRepository requests, LocaleResolver locales) {
        this.requests = requests;
        this.locales = locales;
    }

    @RequestMapping(PageRefusal.PATH)
    String refused(HttpServletRequest http, HttpServletResponse response) {
        if (!(http.getAttribute(PageRefusal.STATUS) instanceof Integer status)
                || !(http.getAttribute(PageRefusal.TYPE) instanceof String type)) {
            throw new PageProblem(404, "unknown-link");
        }
        if (http.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI) instanceof String uri) {
            Matcher page = REQUEST_PAGE.matcher(uri);
            if (page.matches()) {
                requests.findByReference(page.group(1))
                        .ifPresent(request -> locales.setLocale(http, response, request.language()));
            }
        }
        throw new PageProblem(status, type);
    }
}
