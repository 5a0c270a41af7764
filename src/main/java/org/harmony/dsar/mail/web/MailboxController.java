package org.harmony.dsar.mail.web;

import org.harmony.dsar.mail.EmbeddedSmtpServer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The demo mailbox: every mail the engine sent through the embedded SMTP server, for a person to read. It shows
 * requesters' personal data to anyone who can reach it, so it exists in the demo profile only.
 */
@Controller
@Profile("demo")
@ConditionalOnBean(EmbeddedSmtpServer.class)
class MailboxController {

    private final EmbeddedSmtpServer server;

    MailboxController(EmbeddedSmtpServer server) {
        this.server = server;
    }

    @GetMapping("/mailbox")
    String mailbox(Model model) {
        model.addAttribute("mails", server.mails());
        return "mailbox";
    }
}
