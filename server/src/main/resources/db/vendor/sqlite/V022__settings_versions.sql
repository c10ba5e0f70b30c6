-- Versions of what every node keeps in memory besides learners' data (see V020, V021):
-- * cohort.settings_version grows whenever a module or SCORM package is assigned to the cohort, unassigned, moved or
--   given another due date: the facilitator pages keep a cohort's assignments while it stays the same;
-- * shared_version 'packages' grows with every change to the SCORM packages or their items (import, replacement,
--   archive): the package catalogue (packages, items, weights) is kept while it stays the same.
-- Both are raised by triggers in the changing transaction, so they commit with the change.
-- shared_version is the database's own bookkeeping: copy-data does not copy it (the target counts its own).
ALTER TABLE cohort ADD COLUMN settings_version INTEGER NOT NULL DEFAULT 0;

CREATE TABLE shared_version (
    name    TEXT    NOT NULL PRIMARY KEY,
    version INTEGER NOT NULL
);

CREATE TRIGGER cohort_course_added AFTER INSERT ON cohort_course
BEGIN
    UPDATE cohort SET settings_version = settings_version + 1 WHERE id = NEW.cohort_id;
END;

CREATE TRIGGER cohort_course_changed AFTER UPDATE ON cohort_course
BEGIN
    UPDATE cohort SET settings_version = settings_version + 1 WHERE id IN (OLD.cohort_id, NEW.cohort_id);
END;

CREATE TRIGGER cohort_course_removed AFTER DELETE ON cohort_course
BEGIN
    UPDATE cohort SET settings_version = settings_version + 1 WHERE id = OLD.cohort_id;
END;

CREATE TRIGGER cohort_package_added AFTER INSERT ON cohort_package
BEGIN
    UPDATE cohort SET settings_version = settings_version + 1 WHERE id = NEW.cohort_id;
END;

CREATE TRIGGER cohort_package_changed AFTER UPDATE ON cohort_package
BEGIN
    UPDATE cohort SET settings_version = settings_version + 1 WHERE id IN (OLD.cohort_id, NEW.cohort_id);
END;

CREATE TRIGGER cohort_package_removed AFTER DELETE ON cohort_package
BEGIN
    UPDATE cohort SET settings_version = settings_version + 1 WHERE id = OLD.cohort_id;
END;

CREATE TRIGGER scorm_package_added AFTER INSERT ON scorm_package
BEGIN
    INSERT INTO shared_version (name, version) VALUES ('packages', 1)
    ON CONFLICT (name) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER scorm_package_changed AFTER UPDATE ON scorm_package
BEGIN
    INSERT INTO shared_version (name, version) VALUES ('packages', 1)
    ON CONFLICT (name) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER scorm_package_removed AFTER DELETE ON scorm_package
BEGIN
    INSERT INTO shared_version (name, version) VALUES ('packages', 1)
    ON CONFLICT (name) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER scorm_item_added AFTER INSERT ON scorm_item
BEGIN
    INSERT INTO shared_version (name, version) VALUES ('packages', 1)
    ON CONFLICT (name) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER scorm_item_changed AFTER UPDATE ON scorm_item
BEGIN
    INSERT INTO shared_version (name, version) VALUES ('packages', 1)
    ON CONFLICT (name) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER scorm_item_removed AFTER DELETE ON scorm_item
BEGIN
    INSERT INTO shared_version (name, version) VALUES ('packages', 1)
    ON CONFLICT (name) DO UPDATE SET version = version + 1;
END;
