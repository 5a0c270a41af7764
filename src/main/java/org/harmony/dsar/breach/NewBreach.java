package org.harmony.dsar.breach;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.harmony.dsar.kernel.MailAddress;
import org.harmony.dsar.request.Jurisdiction;

/**
 * A breach as the DPO records it ({@code POST /api/breaches}). Who is affected is given by catalogue
 * {@code sources}, by data {@code categories} (every source holding one of them), by an explicit list of
 * {@code subjects}, or by any mix of these.
 *
 * @param consequences   the likely consequences for the people affected (GDPR Art 34(2), 33(3)(c))
 * @param measures       what the company has done or will do about the breach and to limit its effects
 * @param subjectActions what affected people can do to protect themselves
 * @param contact        the DPO or other contact point where people get more information
 * @param jurisdictions  the laws the breach falls under; they set the statutory deadlines (default: the promise's)
 */
public record NewBreach(
        @NotBlank @Size(max = 4000) String description,
        @NotNull Instant detectedAt,
        Instant occurredAt,
        @Size(max = 50) List<@NotBlank @Size(max = 64) String> sources,
        @Size(max = 50) List<@NotBlank @Size(max = 200) String> categories,
        @Size(max = 200) List<@NotNull @Valid Subject> subjects,
        @NotBlank @Size(max = 4000) String consequences,
        @NotBlank @Size(max = 4000) String measures,
        @NotBlank @Size(max = 4000) String subjectActions,
        @NotBlank @Size(max = 500) String contact,
        @Size(max = 7) List<@NotNull Jurisdiction> jurisdictions) {

    public NewBreach {
        sources = sources == null ? List.of() : List.copyOf(sources);
        categories = categories == null ? List.of() : List.copyOf(categories);
        subjects = subjects == null ? List.of() : List.copyOf(subjects);
        jurisdictions = jurisdictions == null ? List.of() : List.copyOf(jurisdictions);
    }

    /**
     * One affected person named explicitly.
     *
     * @param region   where they live, when it changes the notice ({@code US-CA}: the California headings)
     * @param language the notice's language ({@code de}); English where there is no translation
     */
    public record Subject(
            @NotBlank @MailAddress @Size(max = 254) String email,
            Jurisdiction region,
            @Pattern(regexp = "[a-z]{2}") String language) {
    }
}
