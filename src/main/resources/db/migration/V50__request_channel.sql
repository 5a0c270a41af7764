-- The request's channel (column added with the intake channels in V30) feeds the register and the metrics.
-- Open requests by due date: the overdue and due-soon gauges.
CREATE INDEX dsar_request_open_due ON dsar_request (ended_at, due_at);
