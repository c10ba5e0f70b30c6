-- Courses assigned before V013 keep their order: the rowid it was read from.
UPDATE cohort_course SET position = rowid WHERE position IS NULL;
