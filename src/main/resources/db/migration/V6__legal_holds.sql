-- Legal holds: what a court case, an investigation or a law obliges the company to keep, whatever a data subject
-- asks. Rows are never deleted: a release is recorded on the hold, and every change is an entry in legal_hold_event.
-- A hold on a subject keeps the identifier only as SHA-256 of its normalised value (LegalHoldRegistry), so that the
-- registry can match requests without spreading personal data.
CREATE TABLE legal_hold (
    id               VARCHAR(36)   PRIMARY KEY,
    matter_reference VARCHAR(64)   NOT NULL,
    scope            VARCHAR(16)   NOT NULL,
    subject_key_type VARCHAR(32),
    subject_hash     VARCHAR(64),
    source_name      VARCHAR(64),
    category         VARCHAR(100),
    reason_code      VARCHAR(64)   NOT NULL,
    note             VARCHAR(1000),
    placed_by        VARCHAR(64)   NOT NULL,
    placed_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    review_at        DATE          NOT NULL,
    released_at      TIMESTAMP WITH TIME ZONE,
    released_by      VARCHAR(64),
    release_note     VARCHAR(1000)
);
CREATE INDEX legal_hold_subject ON legal_hold (subject_key_type, subject_hash);
CREATE INDEX legal_hold_released ON legal_hold (released_at);

-- Every change to a hold, for audit, numbered per hold. Entries are only ever added.
CREATE TABLE legal_hold_event (
    id          VARCHAR(36)   PRIMARY KEY,
    hold_id     VARCHAR(36)   NOT NULL REFERENCES legal_hold (id),
    event_no    INTEGER       NOT NULL,
    action      VARCHAR(16)   NOT NULL,
    actor       VARCHAR(64)   NOT NULL,
    occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
    details     VARCHAR(2000)
);
CREATE UNIQUE INDEX legal_hold_event_hold ON legal_hold_event (hold_id, event_no);

-- What a check found per source and table: act on it, keep it all (a hold) or keep what retention keeps.
ALTER TABLE legal_hold_check ADD COLUMN subject_holds INTEGER;
ALTER TABLE legal_hold_check ADD COLUMN retention_keeps INTEGER;
CREATE TABLE legal_hold_check_item (
    id          VARCHAR(36)  PRIMARY KEY,
    check_id    VARCHAR(36)  NOT NULL REFERENCES legal_hold_check (id),
    source_name VARCHAR(64)  NOT NULL,
    table_name  VARCHAR(128) NOT NULL,
    category    VARCHAR(100),
    decision    VARCHAR(16)  NOT NULL,
    reason_code VARCHAR(64),
    hold_id     VARCHAR(36)
);
CREATE INDEX legal_hold_check_item_check ON legal_hold_check_item (check_id);

-- Which hold kept rows of an erasure (the reason code is in kept_reason).
ALTER TABLE erasure_evidence ADD COLUMN legal_hold_id VARCHAR(36);
