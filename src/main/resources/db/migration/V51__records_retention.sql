-- Retention of the engine's own records (docs/operations.md). Portable SQL: runs unchanged on H2 and PostgreSQL.

-- A suppression (opt-out, objection, withdrawn consent) outlives its request: when the request's records are
-- deleted after the retention period the entry stays, without the link.
ALTER TABLE suppression_entry ALTER COLUMN request_id DROP NOT NULL;

-- Scheduled jobs that must run on one node of a cluster at a time take their row here until locked_until.
CREATE TABLE scheduled_lock (
    name         VARCHAR(64)  PRIMARY KEY,
    locked_until TIMESTAMP WITH TIME ZONE NOT NULL,
    locked_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    locked_by    VARCHAR(100) NOT NULL
);

-- The purge finds ended requests by end time.
CREATE INDEX dsar_request_ended ON dsar_request (ended_at);
