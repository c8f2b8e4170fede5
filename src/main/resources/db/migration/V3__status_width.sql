-- Postfix address-verification probes log status=undeliverable (13 characters); V1 sized the column for
-- rejected/bounced/deferred. SET DATA TYPE is the standard form that H2 and PostgreSQL both accept.
ALTER TABLE rejection ALTER COLUMN status SET DATA TYPE VARCHAR(16);
