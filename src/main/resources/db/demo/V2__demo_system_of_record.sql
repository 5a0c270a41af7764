-- The demo system of record: the systems the seed companies' privacy policies describe
-- (web enquiry form, newsletter, customer accounts, orders paid by card). Lookups read it
-- through the demo catalogue (data-sources.yml); a company points its own catalogue at its own systems.
-- Demo profile only: application-demo.yml adds classpath:db/demo to spring.flyway.locations.

CREATE SCHEMA sor;

CREATE TABLE sor.web_enquiry (
    id           BIGINT        PRIMARY KEY,
    email        VARCHAR(320)  NOT NULL,
    full_name    VARCHAR(200)  NOT NULL,
    company      VARCHAR(200),
    phone        VARCHAR(40),
    message      VARCHAR(4000) NOT NULL,
    submitted_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE sor.newsletter_subscription (
    id              BIGINT       PRIMARY KEY,
    email           VARCHAR(320) NOT NULL,
    list_name       VARCHAR(100) NOT NULL,
    consent_source  VARCHAR(100) NOT NULL,
    subscribed_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    unsubscribed_at TIMESTAMP WITH TIME ZONE
);

CREATE TABLE sor.customer_account (
    id              BIGINT       PRIMARY KEY,
    customer_number VARCHAR(20)  NOT NULL UNIQUE,
    email           VARCHAR(320) NOT NULL,
    full_name       VARCHAR(200) NOT NULL,
    phone           VARCHAR(40),
    postcode        VARCHAR(20),
    country         VARCHAR(2)   NOT NULL,
    password_hash   VARCHAR(100) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE sor.customer_order (
    id             BIGINT        PRIMARY KEY,
    order_number   VARCHAR(20)   NOT NULL UNIQUE,
    customer_id    BIGINT        NOT NULL REFERENCES sor.customer_account (id),
    ordered_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    total_amount   NUMERIC(12, 2) NOT NULL,
    currency       VARCHAR(3)    NOT NULL,
    card_last_four VARCHAR(4),
    status         VARCHAR(20)   NOT NULL
);

INSERT INTO sor.web_enquiry (id, email, full_name, company, phone, message, submitted_at) VALUES
 (1, 'ada.lovelace@example.org', 'Ada Lovelace', 'Analytical Engines Ltd', '+44 20 7946 0018', 'Please send information about your PSA product for a team of 40.', TIMESTAMP WITH TIME ZONE '2026-03-02 09:14:00+00'),
 (2, 'ada.lovelace@example.org', 'Ada Lovelace', 'Analytical Engines Ltd', '+44 20 7946 0018', 'Following up on pricing for the annual plan.', TIMESTAMP WITH TIME ZONE '2026-03-19 16:40:00+00'),
 (3, 'grace.hopper@example.com', 'Grace Hopper', NULL, NULL, 'Do you offer a nonprofit discount?', TIMESTAMP WITH TIME ZONE '2026-05-11 12:02:00+00'),
 (4, 'luis.garcia@example.net', 'Luis Garcia', 'Garcia Imports', '+1 415 555 0134', 'Interested in your IT support contracts.', TIMESTAMP WITH TIME ZONE '2026-07-23 18:30:00+00');

INSERT INTO sor.newsletter_subscription (id, email, list_name, consent_source, subscribed_at, unsubscribed_at) VALUES
 (1, 'ada.lovelace@example.org', 'Product news', 'web form double opt-in', TIMESTAMP WITH TIME ZONE '2025-11-02 10:00:00+00', NULL),
 (2, 'ada.lovelace@example.org', 'Offers', 'checkout tick box', TIMESTAMP WITH TIME ZONE '2025-12-14 08:20:00+00', TIMESTAMP WITH TIME ZONE '2026-02-01 07:45:00+00'),
 (3, 'priya.sharma@example.in', 'Product news', 'web form double opt-in', TIMESTAMP WITH TIME ZONE '2026-01-09 05:30:00+00', NULL),
 (4, 'luis.garcia@example.net', 'Offers', 'call centre', TIMESTAMP WITH TIME ZONE '2026-06-30 21:05:00+00', NULL);

INSERT INTO sor.customer_account (id, customer_number, email, full_name, phone, postcode, country, password_hash, created_at) VALUES
 (1, 'C-100001', 'ada.lovelace@example.org', 'Ada Lovelace', '+44 20 7946 0018', 'SW1A 1AA', 'GB', '$2a$10$demoHashDemoHashDemoHashDemoHashDemoHashDemoHashDemoHa', TIMESTAMP WITH TIME ZONE '2025-10-30 14:22:00+00'),
 (2, 'C-100002', 'luis.garcia@example.net', 'Luis Garcia', '+1 415 555 0134', '94103', 'US', '$2a$10$demoHashDemoHashDemoHashDemoHashDemoHashDemoHashDemoHb', TIMESTAMP WITH TIME ZONE '2026-06-30 20:58:00+00'),
 (3, 'C-100003', 'marie.dubois@example.fr', 'Marie Dubois', '+33 1 70 36 39 50', '75002', 'FR', '$2a$10$demoHashDemoHashDemoHashDemoHashDemoHashDemoHashDemoHc', TIMESTAMP WITH TIME ZONE '2026-02-17 09:11:00+00');

INSERT INTO sor.customer_order (id, order_number, customer_id, ordered_at, total_amount, currency, card_last_four, status) VALUES
 (1, 'O-2025-0001', 1, TIMESTAMP WITH TIME ZONE '2025-10-30 14:30:00+00', 129.00, 'GBP', '4242', 'DELIVERED'),
 (2, 'O-2026-0107', 1, TIMESTAMP WITH TIME ZONE '2026-01-15 11:05:00+00', 49.50, 'GBP', '4242', 'DELIVERED'),
 (3, 'O-2026-0388', 1, TIMESTAMP WITH TIME ZONE '2026-04-02 19:47:00+00', 310.20, 'GBP', '0005', 'RETURNED'),
 (4, 'O-2026-0512', 2, TIMESTAMP WITH TIME ZONE '2026-07-01 08:00:00+00', 89.99, 'USD', '1881', 'SHIPPED'),
 (5, 'O-2026-0601', 3, TIMESTAMP WITH TIME ZONE '2026-08-12 13:13:00+00', 15.00, 'EUR', '3220', 'DELIVERED');
