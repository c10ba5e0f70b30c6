-- SCORM 2004 sequencing on the server. Per learner and package version: the activity tree state (JSON: current and
-- suspended activity, per activity its attempts, active/suspended, progress and objective statuses), and the
-- shared data buckets of the 4th edition (adl.data: adlcp:data/adlcp:map targetID → store). The weight an item's
-- completion has in the package's progress (adlcp:completionThreshold progressWeight; 0 when its rollup leaves
-- completion out) and in its score (objectiveMeasureWeight) are kept with the item.
CREATE TABLE scorm_sequencing_state (
    learner_id INTEGER NOT NULL REFERENCES learner (id) ON DELETE CASCADE,
    package_id INTEGER NOT NULL REFERENCES scorm_package (id),
    state      TEXT    NOT NULL,
    updated_at TEXT    NOT NULL,
    PRIMARY KEY (learner_id, package_id)
);

CREATE TABLE scorm_shared_data (
    learner_id INTEGER NOT NULL REFERENCES learner (id) ON DELETE CASCADE,
    package_id INTEGER NOT NULL REFERENCES scorm_package (id),
    target_id  TEXT    NOT NULL,
    store      TEXT    NOT NULL,
    updated_at TEXT    NOT NULL,
    PRIMARY KEY (learner_id, package_id, target_id)
);

ALTER TABLE scorm_item ADD COLUMN progress_weight REAL;
ALTER TABLE scorm_item ADD COLUMN measure_weight REAL;
