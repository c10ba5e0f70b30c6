-- Indexes for the queries that filter on columns no index led with (IndexUseTest checks the hot ones):
-- the sweep of expired sessions, the foreign keys an account deletion follows (so deleting one person does not scan
-- whole tables), and a cohort's invitation codes.
CREATE INDEX session_expires ON session (expires_at);
CREATE INDEX team_answer_learner ON team_answer (learner_id);
CREATE INDEX team_session_facilitator ON team_session (facilitator_id);
CREATE INDEX cohort_created_by ON cohort (created_by);
CREATE INDEX scorm_session_learner ON scorm_session (learner_id);
CREATE INDEX scorm_package_imported_by ON scorm_package (imported_by);
CREATE INDEX invitation_cohort ON invitation (cohort_id);
