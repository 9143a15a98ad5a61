-- One retention rule per classification and controller (retention.Store.Put,
-- retention.Rule.ClassKey). Rules stored before this migration have no key
-- until they are next updated.
ALTER TABLE retention_rules ADD COLUMN class_key text;
CREATE UNIQUE INDEX retention_rules_class_key ON retention_rules (controller, class_key);
