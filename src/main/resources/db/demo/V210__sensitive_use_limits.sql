-- CCPA 1798.121: the uses of sensitive personal information a consumer can limit. The seeds name account log-in
-- credentials (a password the customer selects) and payment card details ("credit card account information",
-- "card number"); these flags say whether the demo systems may use them beyond what 1798.121(a) permits.
ALTER TABLE sor.customer_account ADD COLUMN sensitive_use_limited BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE sor.customer_order ADD COLUMN card_use_limited BOOLEAN DEFAULT FALSE NOT NULL;
