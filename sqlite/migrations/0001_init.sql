-- tillid schema version 1 (SQLite): the same tables, keys, columns and
-- indexes as the PostgreSQL adapter's, in SQLite's types. Every table keys
-- its rows by (controller, id), keeps the optimistic-concurrency version in
-- a column and the record as its package's JSON form in doc; the other
-- columns are derived from doc on every write and index the fields each
-- package's Filter selects on. IDs are 16-byte BLOBs (ordered as the IDs
-- are); instants are (unix seconds, nanoseconds) pairs; sets are
-- '|'-delimited text ("|dk|no|"), matched with instr and not indexed; booleans
-- are 0/1. SQLite has no row-level security: every statement names the
-- controller.

CREATE TABLE processors (
	controller BLOB NOT NULL,
	id BLOB NOT NULL,
	version INTEGER NOT NULL CHECK (version > 0),
	doc TEXT NOT NULL,
	country TEXT NOT NULL,
	locations TEXT NOT NULL,
	PRIMARY KEY (controller, id)
);
CREATE INDEX processors_country ON processors (controller, country, id);

CREATE TABLE breaches (
	controller BLOB NOT NULL,
	id BLOB NOT NULL,
	version INTEGER NOT NULL CHECK (version > 0),
	doc TEXT NOT NULL,
	registered_s INTEGER NOT NULL,
	registered_ns INTEGER NOT NULL,
	classification TEXT NOT NULL,
	cause TEXT NOT NULL,
	processor TEXT NOT NULL,
	PRIMARY KEY (controller, id)
);
CREATE INDEX breaches_registered ON breaches (controller, registered_s, registered_ns);
CREATE INDEX breaches_classification ON breaches (controller, classification, id);
CREATE INDEX breaches_cause ON breaches (controller, cause, id);
CREATE INDEX breaches_processor ON breaches (controller, processor, id);

CREATE TABLE dpias (
	controller BLOB NOT NULL,
	id BLOB NOT NULL,
	version INTEGER NOT NULL CHECK (version > 0),
	doc TEXT NOT NULL,
	draft INTEGER NOT NULL,
	decision TEXT NOT NULL,
	processors TEXT NOT NULL,
	PRIMARY KEY (controller, id)
);
CREATE INDEX dpias_draft ON dpias (controller, draft, id);
CREATE INDEX dpias_decision ON dpias (controller, decision, id);

CREATE TABLE retention_rules (
	controller BLOB NOT NULL,
	id BLOB NOT NULL,
	version INTEGER NOT NULL CHECK (version > 0),
	doc TEXT NOT NULL,
	jurisdiction TEXT NOT NULL,
	scheme TEXT NOT NULL,
	class TEXT NOT NULL,
	PRIMARY KEY (controller, id)
);
CREATE INDEX retention_rules_jurisdiction ON retention_rules (controller, jurisdiction, id);
CREATE INDEX retention_rules_scheme ON retention_rules (controller, scheme, id);
CREATE INDEX retention_rules_class ON retention_rules (controller, class, id);

CREATE TABLE activities (
	controller BLOB NOT NULL,
	id BLOB NOT NULL,
	version INTEGER NOT NULL CHECK (version > 0),
	doc TEXT NOT NULL,
	role TEXT NOT NULL,
	status TEXT NOT NULL,
	data TEXT NOT NULL,
	processors TEXT NOT NULL,
	PRIMARY KEY (controller, id)
);
CREATE INDEX activities_role ON activities (controller, role, id);
CREATE INDEX activities_status ON activities (controller, status, id);

CREATE TABLE requests (
	controller BLOB NOT NULL,
	id BLOB NOT NULL,
	version INTEGER NOT NULL CHECK (version > 0),
	doc TEXT NOT NULL,
	kind TEXT NOT NULL,
	status TEXT NOT NULL,
	open INTEGER NOT NULL,
	received_s INTEGER NOT NULL,
	received_ns INTEGER NOT NULL,
	PRIMARY KEY (controller, id)
);
CREATE INDEX requests_kind ON requests (controller, kind, id);
CREATE INDEX requests_status ON requests (controller, status, id);
CREATE INDEX requests_open ON requests (controller, open, id);
CREATE INDEX requests_received ON requests (controller, received_s, received_ns);

CREATE TABLE processor_decisions (
	controller BLOB NOT NULL,
	id BLOB NOT NULL,
	version INTEGER NOT NULL CHECK (version > 0),
	doc TEXT NOT NULL,
	processor TEXT NOT NULL,
	outcome TEXT NOT NULL,
	at_s INTEGER NOT NULL,
	at_ns INTEGER NOT NULL,
	PRIMARY KEY (controller, id)
);
CREATE INDEX processor_decisions_processor ON processor_decisions (controller, processor, id);
CREATE INDEX processor_decisions_outcome ON processor_decisions (controller, outcome, id);
CREATE INDEX processor_decisions_at ON processor_decisions (controller, at_s, at_ns);
