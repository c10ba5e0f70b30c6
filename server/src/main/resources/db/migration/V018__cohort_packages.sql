-- SCORM packages assigned to a cohort like modules, with an optional due date (YYYY-MM-DD). A package is named by its
-- address (slug), which a replacing version keeps, so an assignment survives a new version of the package.
CREATE TABLE cohort_package (
    cohort_id INTEGER NOT NULL REFERENCES cohort (id) ON DELETE CASCADE,
    package   TEXT    NOT NULL,
    due_date  TEXT,
    position  INTEGER NOT NULL,
    PRIMARY KEY (cohort_id, package)
);
