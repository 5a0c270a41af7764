-- The call recording provider's flag for using a recording in staff training (issue 17): an objection to that
-- use (GDPR Art 21) sets it to false at the provider. Portable SQL: runs unchanged on H2 and PostgreSQL.
ALTER TABLE sor.call_recording ADD COLUMN training_use BOOLEAN DEFAULT TRUE NOT NULL;
