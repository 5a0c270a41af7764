-- The demo's processor without an API: a lettershop prints and posts catalogues. This table is the controller's
-- own record of what was handed over to it; the lettershop's copy is changed only by instruction mail.
CREATE TABLE sor.print_mailing (
    id             BIGINT       PRIMARY KEY,
    email          VARCHAR(320) NOT NULL,
    campaign       VARCHAR(100) NOT NULL,
    handed_over_at TIMESTAMP WITH TIME ZONE NOT NULL
);
INSERT INTO sor.print_mailing (id, email, campaign, handed_over_at) VALUES
 (1, 'priya.sharma@example.in', 'Spring catalogue 2026', TIMESTAMP WITH TIME ZONE '2026-03-01 08:00:00+00');
