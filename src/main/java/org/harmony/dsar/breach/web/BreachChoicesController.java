package org.harmony.dsar.breach.web;

import java.util.List;
import java.util.Map;

import org.harmony.dsar.breach.process.BreachStartForm;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The options of the breach start form's sources and categories, which Tasklist loads with the DPO's login. */
@RestController
class BreachChoicesController {

    private final BreachStartForm form;

    BreachChoicesController(BreachStartForm form) {
        this.form = form;
    }

    @GetMapping(path = "/api/breaches/choices", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, List<Map<String, String>>> choices() {
        return form.choices();
    }
}
