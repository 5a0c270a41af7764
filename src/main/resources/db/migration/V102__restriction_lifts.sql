-- Lifting a restriction (GDPR Art 18(3)): who asked and why, when the requester was told, and what was undone.
ALTER TABLE suppression_entry ADD COLUMN lifted_at TIMESTAMP WITH TIME ZONE;
CREATE TABLE restriction_lift (
    request_id    VARCHAR(36)   PRIMARY KEY REFERENCES dsar_request (id),
    started_by    VARCHAR(64)   NOT NULL,
    started_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    decision      VARCHAR(16),
    reason_code   VARCHAR(48),
    decided_by    VARCHAR(64),
    decided_at    TIMESTAMP WITH TIME ZONE,
    lift_not_before TIMESTAMP WITH TIME ZONE,
    lifted_at     TIMESTAMP WITH TIME ZONE,
    lifted        VARCHAR(2000)
);
