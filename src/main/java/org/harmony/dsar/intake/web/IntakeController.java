package org.harmony.dsar.intake.web;

import java.time.LocalDate;

import jakarta.validation.Valid;

import org.harmony.dsar.intake.IntakeService;
import org.harmony.dsar.intake.NewRequest;
import org.harmony.dsar.request.DsarRequest;
import org.harmony.dsar.request.RequestStage;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The public entry point for rights requests. Answers the same whether or not the company holds data. */
@RestController
class IntakeController {

    private final IntakeService intake;

    IntakeController(IntakeService intake) {
        this.intake = intake;
    }

    @PostMapping(path = "/api/requests", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    Accepted submit(@Valid @RequestBody NewRequest body) {
        DsarRequest request = intake.submit(body);
        LocalDate dueDate = request.dueAt() == null ? null
                : request.dueAt().atZone(request.jurisdiction().zone()).toLocalDate();
        return new Accepted(request.reference(), request.stage(), dueDate);
    }

    record Accepted(String reference, RequestStage status, LocalDate dueDate) {
    }
}
