-- tillid schema version 3: one retention rule per classification and
-- controller. Fails, changing nothing, when a controller already has two
-- rules for one classification: resolve those before migrating.
CREATE UNIQUE INDEX retention_rules_class_key ON retention_rules (controller, class_key);
