-- Intake counts the requests of the last 24 hours per email address (the per-recipient cap): by receipt time.
CREATE INDEX dsar_request_received ON dsar_request (received_at);
