-- Appeals against a denial (VCDPA 59.1-577(C), CPA 6-1-1306(3)), issue 17. Portable SQL: H2 and PostgreSQL.
-- One row per denied request whose law gives an appeal: offered with the denial mail (the link's window), filed by
-- the requester (their statement, deleted when the appeal is decided), decided by a reviewer who did not decide the
-- request. Deleted with the request's records (RecordsPurge).
CREATE TABLE appeal (
    request_id       VARCHAR(36)   PRIMARY KEY REFERENCES dsar_request (id),
    offered_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    window_ends_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    appealed_at      TIMESTAMP WITH TIME ZONE,
    statement        VARCHAR(4000),
    due_at           TIMESTAMP WITH TIME ZONE,
    extended         BOOLEAN       DEFAULT FALSE NOT NULL,
    decision         VARCHAR(20),
    decision_reasons VARCHAR(4000),
    decided_by       VARCHAR(64),
    decided_at       TIMESTAMP WITH TIME ZONE
);
