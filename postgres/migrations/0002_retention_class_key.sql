-- tillid schema version 2: retention_rules.class_key holds Rule.ClassKey
-- (one rule per classification and controller). The column is added here and
-- filled from each row's doc by the Go step that runs after this migration
-- (the key is a SHA-256 the adapter computes as package retention does);
-- migration 3 makes it NOT NULL and unique per controller.
ALTER TABLE retention_rules ADD COLUMN class_key text;
