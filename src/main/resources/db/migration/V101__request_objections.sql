-- An objection (GDPR Art 21): what it is to, and how it was decided. The requester's grounds stay in
-- dsar_request.details; compelling_grounds are the company's, written by a compliance officer (no personal data).
CREATE TABLE request_objection (
    request_id         VARCHAR(36)  PRIMARY KEY REFERENCES dsar_request (id),
    objects_to         VARCHAR(32)  NOT NULL,
    decision           VARCHAR(32),
    compelling_grounds VARCHAR(2000),
    decided_by         VARCHAR(64),
    decided_at         TIMESTAMP WITH TIME ZONE
);
