package org.harmony.dsar.response;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.harmony.dsar.request.RequestEvents;
import org.harmony.dsar.request.ReviewDecision;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A reasonable fee the reviewer notes instead of, or with, a refusal (GDPR Art 12(5): manifestly unfounded or
 * excessive requests; Art 15(3): further copies). The requester's response or denial mail states the amount, the
 * reason and their rights; the event {@code FEE_NOTED} puts it in the register.
 */
@Component
public class ReviewFees {

    /** The reasons a fee may be charged for. */
    public static final Set<String> REASONS = Set.of("MANIFESTLY_UNFOUNDED", "EXCESSIVE", "FURTHER_COPIES");
    private static final Pattern AMOUNT = Pattern.compile("[0-9]{1,6}([.,][0-9]{1,2})? [A-Z]{3}");

    private final JdbcClient jdbc;
    private final RequestEvents events;
    private final Clock clock;

    ReviewFees(JdbcClient jdbc, RequestEvents events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** A noted fee: the amount with its currency ("25.00 EUR") and the reason code. */
    public record Fee(String amount, String reasonCode) {

        Map<String, Object> asModel() {
            return Map.of("amount", amount, "reason", reasonCode);
        }
    }

    /** Why the fee as entered cannot be noted; empty when it can (or when none was entered). */
    public Optional<String> refusal(ReviewDecision decision, String amount, String reasonCode) {
        boolean noAmount = amount == null || amount.isBlank();
        boolean noReason = reasonCode == null || reasonCode.isBlank();
        if (noAmount && noReason) {
            return Optional.empty();
        }
        if (decision == ReviewDecision.SEND_BACK) {
            return Optional.of("A fee is noted with an approval or a denial, not when sending the case back.");
        }
        if (noAmount || !AMOUNT.matcher(amount.strip()).matches()) {
            return Optional.of("Give the fee as an amount and a currency code, such as 25.00 EUR.");
        }
        if (noReason || !REASONS.contains(reasonCode)) {
            return Optional.of("A fee needs its reason: manifestly unfounded, excessive, or further copies.");
        }
        return Optional.empty();
    }

    /** Notes (or replaces) the request's fee and records the event the register shows. */
    public void note(String requestId, String amount, String reasonCode, String reviewer) {
        jdbc.sql("DELETE FROM request_fee WHERE request_id = :id").param("id", requestId).update();
        jdbc.sql("""
                INSERT INTO request_fee (request_id, amount, reason_code, noted_by, noted_at)
                VALUES (:id, :amount, :reason, :by, :at)""")
                .param("id", requestId).param("amount", amount.strip()).param("reason", reasonCode)
                .param("by", reviewer).param("at", Timestamp.from(clock.instant()))
                .update();
        events.record(requestId, "FEE_NOTED", "by=" + reviewer + " reason=" + reasonCode + " amount="
                + amount.strip().replace(' ', '_'));
    }

    public Optional<Fee> of(String requestId) {
        return jdbc.sql("SELECT amount, reason_code FROM request_fee WHERE request_id = :id").param("id", requestId)
                .query((rs, row) -> new Fee(rs.getString("amount"), rs.getString("reason_code"))).optional();
    }

    /** The fee for a mail's model, or null. */
    Map<String, Object> model(String requestId) {
        return of(requestId).map(Fee::asModel).orElse(null);
    }
}
