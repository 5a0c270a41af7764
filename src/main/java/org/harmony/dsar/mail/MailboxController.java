package org.harmony.dsar.mail;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The demo mailbox: every mail the engine sent through the embedded SMTP server, for a person to read. */
@Controller
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
