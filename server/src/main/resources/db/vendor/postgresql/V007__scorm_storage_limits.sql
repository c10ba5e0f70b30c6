-- SCORM storage limits (see be.stek.scorm.StorageLimits): a commit may not take an attempt past a number of
-- interactions, nor a learner's stored bytes for one package past a total. Both are running counters, updated in the
-- commit's own transaction, so that a commit never has to add up everything stored before.

ALTER TABLE scorm_attempt ADD COLUMN interaction_count INTEGER NOT NULL DEFAULT 0;
-- UTF-8 bytes of the attempt's interaction rows (their text fields).
ALTER TABLE scorm_attempt ADD COLUMN interaction_bytes INTEGER NOT NULL DEFAULT 0;

-- UTF-8 bytes a learner stores for one package: bookmark, suspend_data and cmi values of every attempt, and the
-- text of every interaction.
CREATE TABLE scorm_usage (
    learner_id   INTEGER NOT NULL REFERENCES learner (id) ON DELETE CASCADE,
    package_id   INTEGER NOT NULL REFERENCES scorm_package (id),
    stored_bytes INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (learner_id, package_id)
);

UPDATE scorm_attempt SET
    interaction_count = (SELECT COUNT(*) FROM scorm_interaction i WHERE i.attempt_id = scorm_attempt.id),
    interaction_bytes = (SELECT COALESCE(SUM(
        COALESCE(octet_length(i.interaction_id), 0) + COALESCE(octet_length(i.type), 0)
        + COALESCE(octet_length(i.description), 0) + COALESCE(octet_length(i.learner_response), 0)
        + COALESCE(octet_length(i.correct_pattern), 0) + COALESCE(octet_length(i.result), 0)
        + COALESCE(octet_length(i.weighting), 0) + COALESCE(octet_length(i.latency), 0)
        + COALESCE(octet_length(i.stamp), 0)), 0)
        FROM scorm_interaction i WHERE i.attempt_id = scorm_attempt.id);

INSERT INTO scorm_usage (learner_id, package_id, stored_bytes)
SELECT learner_id, package_id, SUM(interaction_bytes + COALESCE(octet_length(location), 0)
    + COALESCE(octet_length(suspend_data), 0) + COALESCE(octet_length(cmi), 0))
FROM scorm_attempt GROUP BY learner_id, package_id;
