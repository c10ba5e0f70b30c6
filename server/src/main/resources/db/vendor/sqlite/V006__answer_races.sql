-- Answers posted at the same moment could be stored with the same position, and could leave a vignette attempt
-- open with every question answered (each request thought another question was still open). From now on an answer
-- is decided and stored in one write transaction; this migration repairs what the old code left behind and lets the
-- database refuse it from now on. Nothing is deleted.

-- 1. Two answers of one attempt with the same position: number the attempt's answers again, in the order they were
--    stored (position, then row id). Only attempts with such a duplicate change.
UPDATE answer
SET position = (SELECT count(*) FROM answer b
                WHERE b.attempt_id = answer.attempt_id
                  AND (b.position < answer.position OR (b.position = answer.position AND b.id <= answer.id)))
WHERE attempt_id IN (SELECT attempt_id FROM answer GROUP BY attempt_id, position HAVING count(*) > 1);

-- One answer per question already holds (UNIQUE (attempt_id, question) in V002); now also one per position.
CREATE UNIQUE INDEX answer_attempt_position ON answer (attempt_id, position);

-- 2. Vignette attempts left open although every question of their plan has an answer: finish them as the last
--    answer would have, with the mean of the answers' scores, at the time of that last answer.
UPDATE quiz_attempt
SET score       = (SELECT avg(a.score) FROM answer a WHERE a.attempt_id = quiz_attempt.id),
    finished_at = (SELECT max(a.answered_at) FROM answer a WHERE a.attempt_id = quiz_attempt.id)
WHERE kind = 'vignette'
  AND finished_at IS NULL
  AND json_array_length(plan, '$.questions') > 0
  AND NOT EXISTS (SELECT 1 FROM json_each(quiz_attempt.plan, '$.questions') q
                  WHERE NOT EXISTS (SELECT 1 FROM answer a
                                    WHERE a.attempt_id = quiz_attempt.id AND a.question = q.value));

-- 3. An invitation code is never used more often than its limit, whatever the code that counts the uses does.
CREATE TRIGGER invitation_within_limit
    BEFORE UPDATE OF uses ON invitation
    WHEN NEW.max_uses IS NOT NULL AND NEW.uses > NEW.max_uses
BEGIN
    SELECT RAISE(ABORT, 'invitation code used up');
END;
