-- How a request reached the engine (GDPR Art 5(2) register, metrics by channel). The requester API is the only
-- channel today; mailbox and letter intake add EMAIL and LETTER.
ALTER TABLE dsar_request ADD COLUMN channel VARCHAR(16) DEFAULT 'API' NOT NULL;
-- Open requests by due date: the overdue and due-soon gauges.
CREATE INDEX dsar_request_open_due ON dsar_request (ended_at, due_at);
