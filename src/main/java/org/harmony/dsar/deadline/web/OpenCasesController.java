package org.harmony.dsar.deadline.web;

import java.util.List;
import java.util.Map;

import org.harmony.dsar.deadline.process.OpenCases;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The options of the extension start form's request select, for compliance officers only
 * ({@code system.StaffSecurity}). Tasklist loads them with the officer's login (script {@code dsar-tasklist.js}):
 * Tasklist gives a Camunda Forms start form no server values of its own.
 */
@RestController
class OpenCasesController {

    private final OpenCases openCases;

    OpenCasesController(OpenCases openCases) {
        this.openCases = openCases;
    }

    @GetMapping(path = "/api/officer/open-cases", produces = MediaType.APPLICATION_JSON_VALUE)
    List<Map<String, String>> forExtension() {
        return openCases.forExtension();
    }
}
