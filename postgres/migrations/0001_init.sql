-- tillid schema version 1: one table per Store. Every table keys its rows by
-- (controller, id), keeps the optimistic-concurrency version in a column and
-- the record as its package's JSON form in doc; the other columns are derived
-- from doc on every write and index the fields each package's Filter selects
-- on. Instants are (unix seconds, nanoseconds) pairs; sets are text arrays.
--
-- Row-level security is forced on every table: a session sees and writes only
-- the rows of the controller named by the transaction-local setting
-- app.controller, and none when it is unset.

CREATE TABLE processors (
	controller uuid NOT NULL,
	id uuid NOT NULL,
	version bigint NOT NULL CHECK (version > 0),
	doc json NOT NULL,
	country text NOT NULL,
	locations text[] NOT NULL,
	PRIMARY KEY (controller, id)
);
CREATE INDEX processors_country ON processors (controller, country, id);
CREATE INDEX processors_locations ON processors USING gin (locations);

CREATE TABLE breaches (
	controller uuid NOT NULL,
	id uuid NOT NULL,
	version bigint NOT NULL CHECK (version > 0),
	doc json NOT NULL,
	registered_s bigint NOT NULL,
	registered_ns integer NOT NULL,
	classification text NOT NULL,
	cause text NOT NULL,
	processor text NOT NULL,
	PRIMARY KEY (controller, id)
);
CREATE INDEX breaches_registered ON breaches (controller, registered_s, registered_ns);
CREATE INDEX breaches_classification ON breaches (controller, classification, id);
CREATE INDEX breaches_cause ON breaches (controller, cause, id);
CREATE INDEX breaches_processor ON breaches (controller, processor, id);

CREATE TABLE dpias (
	controller uuid NOT NULL,
	id uuid NOT NULL,
	version bigint NOT NULL CHECK (version > 0),
	doc json NOT NULL,
	draft boolean NOT NULL,
	decision text NOT NULL,
	processors text[] NOT NULL,
	PRIMARY KEY (controller, id)
);
CREATE INDEX dpias_draft ON dpias (controller, draft, id);
CREATE INDEX dpias_decision ON dpias (controller, decision, id);
CREATE INDEX dpias_processors ON dpias USING gin (processors);

CREATE TABLE retention_rules (
	controller uuid NOT NULL,
	id uuid NOT NULL,
	version bigint NOT NULL CHECK (version > 0),
	doc json NOT NULL,
	jurisdiction text NOT NULL,
	scheme text NOT NULL,
	class text NOT NULL,
	PRIMARY KEY (controller, id)
);
CREATE INDEX retention_rules_jurisdiction ON retention_rules (controller, jurisdiction, id);
CREATE INDEX retention_rules_scheme ON retention_rules (controller, scheme, id);
CREATE INDEX retention_rules_class ON retention_rules (controller, class, id);

CREATE TABLE activities (
	controller uuid NOT NULL,
	id uuid NOT NULL,
	version bigint NOT NULL CHECK (version > 0),
	doc json NOT NULL,
	role text NOT NULL,
	status text NOT NULL,
	data text[] NOT NULL,
	processors text[] NOT NULL,
	PRIMARY KEY (controller, id)
);
CREATE INDEX activities_role ON activities (controller, role, id);
CREATE INDEX activities_status ON activities (controller, status, id);
CREATE INDEX activities_data ON activities USING gin (data);
CREATE INDEX activities_processors ON activities USING gin (processors);

CREATE TABLE requests (
	controller uuid NOT NULL,
	id uuid NOT NULL,
	version bigint NOT NULL CHECK (version > 0),
	doc json NOT NULL,
	kind text NOT NULL,
	status text NOT NULL,
	open boolean NOT NULL,
	received_s bigint NOT NULL,
	received_ns integer NOT NULL,
	PRIMARY KEY (controller, id)
);
CREATE INDEX requests_kind ON requests (controller, kind, id);
CREATE INDEX requests_status ON requests (controller, status, id);
CREATE INDEX requests_open ON requests (controller, open, id);
CREATE INDEX requests_received ON requests (controller, received_s, received_ns);

CREATE TABLE processor_decisions (
	controller uuid NOT NULL,
	id uuid NOT NULL,
	version bigint NOT NULL CHECK (version > 0),
	doc json NOT NULL,
	processor text NOT NULL,
	outcome text NOT NULL,
	at_s bigint NOT NULL,
	at_ns integer NOT NULL,
	PRIMARY KEY (controller, id)
);
CREATE INDEX processor_decisions_processor ON processor_decisions (controller, processor, id);
CREATE INDEX processor_decisions_outcome ON processor_decisions (controller, outcome, id);
CREATE INDEX processor_decisions_at ON processor_decisions (controller, at_s, at_ns);

DO $$
DECLARE t text;
BEGIN
	FOREACH t IN ARRAY ARRAY['processors', 'breaches', 'dpias', 'retention_rules', 'activities', 'requests', 'processor_decisions'] LOOP
		EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
		EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
		EXECUTE format('CREATE POLICY controller_scope ON %I USING (controller = NULLIF(current_setting(''app.controller'', true), '''')::uuid) WITH CHECK (controller = NULLIF(current_setting(''app.controller'', true), '''')::uuid)', t);
	END LOOP;
END
$$;
