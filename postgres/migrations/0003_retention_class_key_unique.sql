-- tillid schema version 3: one retention rule per classification and
-- controller. Fails, changing nothing, when a controller already has two
-- rules for one classification: resolve those before migrating.
ALTER TABLE retention_rules ALTER COLUMN class_key SET NOT NULL;
CREATE UNIQUE INDEX retention_rules_class_key ON retention_rules (controller, class_key);
