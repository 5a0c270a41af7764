-- Requests logged by staff from a letter, a call or a visit (issue 13). Portable SQL: H2 and PostgreSQL.

-- Where the requester gets letters when they gave no email address; kept with the request record like the email.
ALTER TABLE dsar_request ADD COLUMN postal_address VARCHAR(1000);
-- Why a request was logged more than a few days after it was received (the clock started then all the same).
ALTER TABLE dsar_request ADD COLUMN late_entry_reason VARCHAR(1000);
-- A request logged from a letter may come without an email address: its mails become printable letters.
ALTER TABLE dsar_request ALTER COLUMN email DROP NOT NULL;

-- Letters to requesters without an email address: each requester mail rendered as a PDF for staff to print and post,
-- once per mail (its idempotency key). The PDF holds personal data and is erased when the request ends.
CREATE TABLE postal_letter (
    id              VARCHAR(36)  PRIMARY KEY,
    idempotency_key VARCHAR(200) NOT NULL UNIQUE,
    request_id      VARCHAR(36)  NOT NULL REFERENCES dsar_request (id),
    template        VARCHAR(64)  NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    pdf             BYTEA,
    posted_at       TIMESTAMP WITH TIME ZONE,
    posted_by       VARCHAR(64),
    erased_at       TIMESTAMP WITH TIME ZONE
);
CREATE INDEX postal_letter_request ON postal_letter (request_id);
