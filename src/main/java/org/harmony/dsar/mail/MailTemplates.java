package org.harmony.dsar.mail;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders the requester mails from Thymeleaf templates in {@code src/main/resources/mail/}: {@code NAME.html}
 * (its {@code <title>} is the subject) and {@code NAME.txt} for the plain-text part. A translation is a file
 * with the language appended ({@code NAME_de.html}); English is the fallback. Editing a template needs no Java.
 */
@Component
public class MailTemplates {

    /** The languages every requester mail is written in; English is the fallback for any other. */
    public static final List<String> LANGUAGES = List.of("en", "de");

    private static final Pattern TITLE = Pattern.compile("<title>(.*?)</title>", Pattern.DOTALL);

    private final SpringTemplateEngine engine = new SpringTemplateEngine();

    MailTemplates() {
        engine.addTemplateResolver(resolver(TemplateMode.HTML, ".html", 1));
        engine.addTemplateResolver(resolver(TemplateMode.TEXT, ".txt", 2));
    }

    private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String extension, int order) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("mail/");
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setResolvablePatterns(java.util.Set.of("*" + extension));
        resolver.setCheckExistence(true);
        resolver.setCacheable(true);
        resolver.setOrder(order);
        return resolver;
    }

    public Rendered render(String template, Locale locale, Map<String, Object> model) {
        Context context = new Context(locale, model);
        String html = engine.process(localised(template, locale, ".html"), context);
        String text = engine.process(localised(template, locale, ".txt"), context);
        Matcher title = TITLE.matcher(html);
        if (!title.find()) {
            throw new IllegalStateException("Mail template " + template + ".html has no <title> for the subject");
        }
        String subject = HtmlUtils.htmlUnescape(title.group(1).strip().replaceAll("\\s+", " "));
        return new Rendered(subject, text, html);
    }

    private static String localised(String template, Locale locale, String extension) {
        String translated = template + "_" + locale.getLanguage() + extension;
        if (!locale.getLanguage().isEmpty() && new ClassPathResource("mail/" + translated).exists()) {
            return translated;
        }
        String fallback = template + extension;
        if (!new ClassPathResource("mail/" + fallback).exists()) {
            throw new IllegalArgumentException("No mail template mail/" + fallback);
        }
        return fallback;
    }

    public record Rendered(String subject, String text, String html) {
    }
}
