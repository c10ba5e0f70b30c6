-- A package imported again with the same manifest identifier may replace the current version. The new version takes
-- over the package's address (slug) and every new launch; the old one keeps the attempts learners made on it and is
-- hidden from learners. Until the admin decides, the new upload waits (pending = 1) and learners do not see it.
ALTER TABLE scorm_package ADD COLUMN replaces INTEGER REFERENCES scorm_package (id);
ALTER TABLE scorm_package ADD COLUMN replaced_by INTEGER REFERENCES scorm_package (id);
ALTER TABLE scorm_package ADD COLUMN pending INTEGER NOT NULL DEFAULT 0 CHECK (pending IN (0, 1));
