-- tillid schema version 4 (SQLite): the stores of training (courses,
-- completions), the DPO's log and yearly conditions, and privacy notices,
-- with the shape of version 1's tables.

CREATE TABLE training_courses (
	controller BLOB NOT NULL,
	id BLOB NOT NULL,
	version INTEGER NOT NULL CHECK (version > 0),
	doc TEXT NOT NULL,
	topic TEXT NOT NULL,
	audience TEXT NOT NULL,
	PRIMARY KEY (controller, id)
);
CREATE INDEX training_courses_topic ON training_courses (controller, topic, id);
CREATE INDEX training_courses_audience ON training_courses (controller, audience, id);

CREATE TABLE training_completions (
	controller BLOB NOT NULL,
	id BLOB NOT NULL,
	version INTEGER NOT NULL CHECK (version > 0),
	doc TEXT NOT NULL,
	course TEXT NOT NULL,
	employee TEXT NOT NULL,
	PRIMARY KEY (controller, id)
);
CREATE INDEX training_completions_course ON training_completions (controller, course, id);
CREATE INDEX training_completions_employee ON training_completions (controller, employee, id);

CREATE TABLE dpo_entries (
	controller BLOB NOT NULL,
	id BLOB NOT NULL,
	version INTEGER NOT NULL CHECK (version > 0),
	doc TEXT NOT NULL,
	task TEXT NOT NULL,
	year INTEGER NOT NULL,
	PRIMARY KEY (controller, id)
);
CREATE INDEX dpo_entries_task ON dpo_entries (controller, task, id);
CREATE INDEX dpo_entries_year ON dpo_entries (controller, year, id);

CREATE TABLE dpo_conditions (
	controller BLOB NOT NULL,
	id BLOB NOT NULL,
	version INTEGER NOT NULL CHECK (version > 0),
	doc TEXT NOT NULL,
	year INTEGER NOT NULL,
	PRIMARY KEY (controller, id)
);
CREATE INDEX dpo_conditions_year ON dpo_conditions (controller, year, id);

CREATE TABLE notices (
	controller BLOB NOT NULL,
	id BLOB NOT NULL,
	version INTEGER NOT NULL CHECK (version > 0),
	doc TEXT NOT NULL,
	area TEXT NOT NULL,
	jurisdiction TEXT NOT NULL,
	PRIMARY KEY (controller, id)
);
CREATE INDEX notices_area ON notices (controller, area, id);
CREATE INDEX notices_jurisdiction ON notices (controller, jurisdiction, id);
