-- tillid schema version 4: the stores of training (courses, completions),
-- the DPO's log and yearly conditions, and privacy notices, with the shape
-- and the forced row-level security of version 1's tables.

CREATE TABLE training_courses (
	controller uuid NOT NULL,
	id uuid NOT NULL,
	version bigint NOT NULL CHECK (version > 0),
	doc json NOT NULL,
	topic text NOT NULL,
	audience text NOT NULL,
	PRIMARY KEY (controller, id)
);
CREATE INDEX training_courses_topic ON training_courses (controller, topic, id);
CREATE INDEX training_courses_audience ON training_courses (controller, audience, id);

CREATE TABLE training_completions (
	controller uuid NOT NULL,
	id uuid NOT NULL,
	version bigint NOT NULL CHECK (version > 0),
	doc json NOT NULL,
	course text NOT NULL,
	employee text NOT NULL,
	PRIMARY KEY (controller, id)
);
CREATE INDEX training_completions_course ON training_completions (controller, course, id);
CREATE INDEX training_completions_employee ON training_completions (controller, employee, id);

CREATE TABLE dpo_entries (
	controller uuid NOT NULL,
	id uuid NOT NULL,
	version bigint NOT NULL CHECK (version > 0),
	doc json NOT NULL,
	task text NOT NULL,
	year bigint NOT NULL,
	PRIMARY KEY (controller, id)
);
CREATE INDEX dpo_entries_task ON dpo_entries (controller, task, id);
CREATE INDEX dpo_entries_year ON dpo_entries (controller, year, id);

CREATE TABLE dpo_conditions (
	controller uuid NOT NULL,
	id uuid NOT NULL,
	version bigint NOT NULL CHECK (version > 0),
	doc json NOT NULL,
	year bigint NOT NULL,
	PRIMARY KEY (controller, id)
);
CREATE INDEX dpo_conditions_year ON dpo_conditions (controller, year, id);

CREATE TABLE notices (
	controller uuid NOT NULL,
	id uuid NOT NULL,
	version bigint NOT NULL CHECK (version > 0),
	doc json NOT NULL,
	area text NOT NULL,
	jurisdiction text NOT NULL,
	PRIMARY KEY (controller, id)
);
CREATE INDEX notices_area ON notices (controller, area, id);
CREATE INDEX notices_jurisdiction ON notices (controller, jurisdiction, id);
DO $$
DECLARE t text;
BEGIN
	FOREACH t IN ARRAY ARRAY['training_courses', 'training_completions', 'dpo_entries', 'dpo_conditions', 'notices'] LOOP
		EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
		EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
		EXECUTE format('CREATE POLICY controller_scope ON %I USING (controller = NULLIF(current_setting(''app.controller'', true), '''')::uuid) WITH CHECK (controller = NULLIF(current_setting(''app.controller'', true), '''')::uuid)', t);
	END LOOP;
END
$$;
