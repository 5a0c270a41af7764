-- The compliance officer's questions to a requester during identity verification, and the requester's free-text
-- answers (issue 14). Kept here, never in process variables; deleted when the request ends (RequestRetention).
CREATE TABLE identity_question (
    id          VARCHAR(36)   PRIMARY KEY,
    request_id  VARCHAR(36)   NOT NULL REFERENCES dsar_request (id),
    question    VARCHAR(2000) NOT NULL,
    asked_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    answer      VARCHAR(2000),
    answered_at TIMESTAMP WITH TIME ZONE
);
CREATE INDEX identity_question_request ON identity_question (request_id, asked_at);
