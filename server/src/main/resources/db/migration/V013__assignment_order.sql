-- The order in which courses were assigned to a cohort (the dashboard's column order) was SQLite's implicit rowid,
-- which PostgreSQL does not have: it becomes a column. SQLite databases fill it from the rowid (V013.1 in
-- db/vendor/sqlite); a PostgreSQL database is new, so it has nothing to fill.
ALTER TABLE cohort_course ADD COLUMN position INTEGER;
