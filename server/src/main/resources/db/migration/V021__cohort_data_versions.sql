-- Where learners' data versions live in the database (PostgreSQL, several nodes), each cohort also counts the changes
-- to its learners' data: 16 counters per cohort ("stripes", a learner counts on stripe id % 16), raised in the
-- transaction that raises learner.data_version. The facilitator pages' cache (cohort/CohortCache) sums a cohort's 16
-- counters to know that none of its learners changed, instead of summing every learner's version (a read that grew
-- with the cohort). Several counters rather than one, so that learners of one cohort who save at the same moment
-- rarely wait for, or conflict with, each other's update of the same row. Rows appear on a cohort's first change;
-- on SQLite (one process, versions in memory) the table stays empty.
CREATE TABLE cohort_data_version (
    cohort_id INTEGER NOT NULL REFERENCES cohort (id) ON DELETE CASCADE,
    stripe    INTEGER NOT NULL,
    version   BIGINT  NOT NULL,
    PRIMARY KEY (cohort_id, stripe)
);
