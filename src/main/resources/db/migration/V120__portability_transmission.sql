-- Portability straight to another controller (GDPR Art 20(2)): the address the requester gave, its keyed hash
-- (HMAC-SHA-256 with dsar.security.hash-key) and the keyed hash of the address the reviewing officer approved.
ALTER TABLE dsar_request ADD COLUMN transmit_to VARCHAR(320);
ALTER TABLE dsar_request ADD COLUMN transmit_to_key VARCHAR(64);
ALTER TABLE dsar_request ADD COLUMN transmission_approved_key VARCHAR(64);

-- A token opens either the requester's own pages (REQUESTER) or only the package sent to the other controller
-- (TRANSMISSION).
ALTER TABLE requester_token ADD COLUMN purpose VARCHAR(16) DEFAULT 'REQUESTER' NOT NULL;
