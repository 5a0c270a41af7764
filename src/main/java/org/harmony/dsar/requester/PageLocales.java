package org.harmony.dsar.requester;

import java.util.Collections;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.harmony.dsar.mail.MailTemplates;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The language of a page: the request's own language on the pages of a request (set by the controller), otherwise
 * the first supported language of {@code Accept-Language}, otherwise English. The languages are the mails'.
 */
class PageLocales implements LocaleResolver {

    private static final String CHOSEN = PageLocales.class.getName() + ".chosen";

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        if (request.getAttribute(CHOSEN) instanceof Locale chosen) {
            return chosen;
        }
        return Collections.list(request.getLocales()).stream().map(PageLocales::supported)
                .filter(locale -> locale != null).findFirst().orElse(Locale.ENGLISH);
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        request.setAttribute(CHOSEN, locale == null ? Locale.ENGLISH : supported(locale) == null ? Locale.ENGLISH
                : supported(locale));
    }

    private static Locale supported(Locale locale) {
        return MailTemplates.LANGUAGES.contains(locale.getLanguage()) ? Locale.forLanguageTag(locale.getLanguage())
                : null;
    }
}
