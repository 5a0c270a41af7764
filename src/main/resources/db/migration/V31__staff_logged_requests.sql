-- Requests logged by staff from a letter, a call or a visit (issue 13). Portable SQL: H2 and PostgreSQL.

-- Where the requester gets letters when they gave no email address; kept with the request record like the email.
ALTER TABLE dsar_request ADD COLUMN postal_address VARCHAR(1000);
-- Why a request was logged more than a few days after it was received (the clock started then all the same).
ALTER TABLE dsar_request ADD COLUMN late_entry_reason VARCHAR(1000);
-- A request logged from a letter may come without an email address: its mails become printable letters.
ALTER TABLE dsar_request ALTER COLUMN email DROP NOT NULL;
