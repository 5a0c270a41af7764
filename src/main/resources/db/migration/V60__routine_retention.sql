-- Routine retention (issue 17). Portable SQL: runs unchanged on H2 and PostgreSQL.

-- What each run of the retention process deleted per source: records past the catalogue's retention period,
-- whoever they are about, or nothing while a legal hold keeps the source. No personal data.
CREATE TABLE retention_evidence (
    id            VARCHAR(36)  PRIMARY KEY,
    run_id        VARCHAR(64)  NOT NULL,
    source_name   VARCHAR(64)  NOT NULL,
    table_name    VARCHAR(128) NOT NULL,
    cutoff        TIMESTAMP WITH TIME ZONE NOT NULL,
    rows_deleted  INTEGER      NOT NULL,
    legal_hold_id VARCHAR(36),
    executed_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX retention_evidence_run ON retention_evidence (run_id);
