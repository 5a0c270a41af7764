package org.harmony.dsar.mail.web;

import org.harmony.dsar.kernel.web.ApiProblem;
import org.harmony.dsar.mail.PostalLetters;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The PDF of a letter to post, for compliance officers (the link in "Post this letter"). */
@RestController
class LettersController {

    private final PostalLetters letters;

    LettersController(PostalLetters letters) {
        this.letters = letters;
    }

    @GetMapping("/api/officer/letters/{letterId}")
    ResponseEntity<byte[]> open(@PathVariable String letterId) {
        byte[] pdf = letters.pdf(letterId).orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "letter-not-found",
                "Letter not found", "No letter with this id, or its request has ended and the letter was erased."));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("letter-" + letterId + ".pdf").build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("X-Content-Type-Options", "nosniff")
                .body(pdf);
    }
}
