package be.stek.demo;

import be.stek.course.Course;
import be.stek.store.Database;
import be.stek.store.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.LongFunction;

/**
 * Fills a database (either store) with made-up but plausible groups: cohorts with a facilitator and one to three
 * assigned modules with due dates, learners with progress, answers to the modules' real questions, reflections and,
 * when SCORM packages are imported, some attempts at them. Each learner's data is computed in memory first
 * ({@link Journey}), then a chunk of learners is written in one transaction, so a run is fast on both stores.
 */
public final class DemoData {
    private static final int CHUNK = 250;

    /** A made-up person. */
    public record Person(String name, String email) {
    }

    /** What a run wrote. */
    public record Summary(int cohorts, int learners, long lessons, long attempts, long answers, long reflections,
                          long scormAttempts) {
        Summary plus(Summary o) {
            return new Summary(cohorts + o.cohorts, learners + o.learners, lessons + o.lessons, attempts + o.attempts,
                    answers + o.answers, reflections + o.reflections, scormAttempts + o.scormAttempts);
        }
    }

    /** The database already holds learners, and adding to them was not asked for. */
    public static final class NotEmpty extends RuntimeException {
        NotEmpty(long learners) {
            super("the database already has " + learners + " learner(s); use --add to add demonstration data to them");
        }
    }

    private final Database db;
    private final List<Course> courses;
    private final String passwordHash;

    /**
     * Demonstration data for {@code courses}; every account gets {@code passwordHash} (a hash no password matches,
     * such as {@code "-"}, makes accounts that cannot sign in).
     */
    public DemoData(Database db, List<Course> courses, String passwordHash) {
        if (courses.isEmpty()) {
            throw new IllegalArgumentException("no valid course to make demonstration data for");
        }
        this.db = db;
        this.courses = List.copyOf(courses);
        this.passwordHash = passwordHash;
    }

    /** Makes {@code cohorts} groups sharing {@code learners} learners, refusing a database with learners unless {@code add}. */
    public Summary fill(int learners, int cohorts, boolean add, Instant now, long seed) {
        long existing = db.read(c -> Sql.one(c, "SELECT count(*) FROM learner WHERE role = 'learner'",
                rs -> rs.getLong(1)).orElse(0L));
        if (existing > 0 && !add) {
            throw new NotEmpty(existing);
        }
        long base = db.read(c -> Sql.one(c, "SELECT coalesce(max(id), 0) FROM learner", rs -> rs.getLong(1)).orElse(0L));
        Random random = new Random(seed + base);
        Summary total = new Summary(0, 0, 0, 0, 0, 0, 0);
        int groups = Math.max(1, cohorts);
        for (int g = 0; g < groups; g++) {
            Instant start = now.minus(Duration.ofDays(90 + random.nextInt(30)));
            long lead = facilitator(DemoText.person(random, base + learners + groups + g + 1),
                    start.minus(Duration.ofDays(3)));
            List<Course> assigned = pickCourses(random);
            long cohort = cohort(DemoText.group(random, g + 1), lead, assigned, start, random);
            int members = learners / groups + (g < learners % groups ? 1 : 0);
            long offset = base + (long) g * (learners / groups + 1);
            total = total.plus(addMembers(cohort, assigned, members, n -> DemoText.person(random, offset + n), start,
                    random)).plus(new Summary(1, 0, 0, 0, 0, 0, 0));
        }
        return total;
    }

    /** A new facilitator account. */
    public long facilitator(Person person, Instant at) {
        return db.write(c -> Sql.insert(c, """
                INSERT INTO learner (email, name, password_hash, role, created_at) VALUES (?, ?, ?, 'facilitator', ?)""",
                person.email(), person.name(), passwordHash, at));
    }

    /** A cohort led by {@code lead}, with {@code assigned} modules due 30 to 90 days after its start. */
    public long cohort(String name, long lead, List<Course> assigned, Instant start, Random random) {
        List<String> due = new ArrayList<>();
        for (int i = 0; i < assigned.size(); i++) {
            due.add(start.plus(Duration.ofDays(30 + 30L * i + random.nextInt(30))).atOffset(ZoneOffset.UTC)
                    .toLocalDate().toString());
        }
        return db.write(c -> {
            long id = Sql.insert(c, "INSERT INTO cohort (name, created_by, created_at) VALUES (?, ?, ?)", name, lead,
                    start);
            Sql.update(c, "INSERT INTO cohort_member (cohort_id, learner_id, role, joined_at) VALUES (?, ?, ?, ?)",
                    id, lead, "facilitator", start);
            for (int i = 0; i < assigned.size(); i++) {
                Sql.update(c, "INSERT INTO cohort_course (cohort_id, course, due_date, position) VALUES (?, ?, ?, ?)",
                        id, assigned.get(i).slug(), due.get(i), i + 1);
            }
            return id;
        });
    }

    /**
     * Adds {@code n} learners to a cohort, working through {@code assigned}; learner {@code i} (0-based) is
     * {@code person.apply(i)}. Written in chunks of {@value #CHUNK} learners, one transaction each.
     */
    public Summary addMembers(long cohort, List<Course> assigned, int n, LongFunction<Person> person, Instant start,
                              Random random) {
        List<ScormDemo.Item> items = db.read(ScormDemo::items);
        Summary total = new Summary(0, 0, 0, 0, 0, 0, 0);
        for (int from = 0; from < n; from += CHUNK) {
            List<Member> chunk = new ArrayList<>();
            for (int i = from; i < Math.min(n, from + CHUNK); i++) {
                Instant joined = start.plus(Duration.ofMinutes(random.nextInt(14 * 24 * 60)));
                chunk.add(new Member(person.apply(i), joined, Journey.of(assigned, joined, random),
                        ScormDemo.attempts(items, joined, random)));
            }
            total = total.plus(db.write(c -> write(c, cohort, chunk)));
        }
        return total;
    }

    private record Member(Person person, Instant joined, Journey journey, List<ScormDemo.Attempt> scorm) {
    }

    private List<Course> pickCourses(Random random) {
        List<Course> shuffled = new ArrayList<>(courses);
        Collections.shuffle(shuffled, random);
        return List.copyOf(shuffled.subList(0, 1 + random.nextInt(Math.min(3, shuffled.size()))));
    }

    private Summary write(Connection c, long cohort, List<Member> chunk) throws SQLException {
        long lessons = 0;
        long attempts = 0;
        long answers = 0;
        long notes = 0;
        long scorm = 0;
        try (PreparedStatement member = c.prepareStatement("""
                INSERT INTO cohort_member (cohort_id, learner_id, role, joined_at) VALUES (?, ?, 'learner', ?)""");
             PreparedStatement lesson = c.prepareStatement("""
                     INSERT INTO lesson_progress (learner_id, course, lesson, state, first_seen, last_seen, done_at)
                     VALUES (?, ?, ?, ?, ?, ?, ?)""");
             PreparedStatement answer = c.prepareStatement("""
                     INSERT INTO answer (attempt_id, position, question, question_text, question_kind, version,
                                         options, chosen, chosen_text, score, answered_at, time_ms)
                     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
             PreparedStatement note = c.prepareStatement("""
                     INSERT INTO reflection (learner_id, course, prompt, prompt_text, body, nonce, written_at)
                     VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
            for (Member m : chunk) {
                long id = Sql.insert(c, """
                        INSERT INTO learner (email, name, password_hash, role, created_at) VALUES (?, ?, ?, 'learner', ?)""",
                        m.person().email(), m.person().name(), passwordHash, m.joined());
                add(member, cohort, id, m.joined());
                for (Journey.Visit v : m.journey().lessons()) {
                    add(lesson, id, v.course(), v.lesson(), v.done() ? "done" : "started", v.firstSeen(), v.lastSeen(),
                            v.done() ? v.lastSeen() : null);
                    lessons++;
                }
                for (Journey.Try t : m.journey().attempts()) {
                    long attempt = Sql.insert(c, """
                            INSERT INTO quiz_attempt (learner_id, course, activity, kind, number, version, plan,
                                                      current_step, ending, started_at, finished_at, score, graded)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", id, t.course(), t.activity(), t.kind(),
                            t.number(), t.version(), t.plan(), t.currentStep(), t.ending(), t.startedAt(),
                            t.finishedAt(), t.score(), t.graded() ? 1 : 0);
                    attempts++;
                    int position = 0;
                    for (Journey.Given a : t.answers()) {
                        add(answer, attempt, ++position, a.question(), a.questionText(), a.kind(), a.version(),
                                a.optionsJson(), a.chosenJson(), a.chosenText(), a.score(), a.answeredAt(), a.timeMs());
                        answers++;
                    }
                }
                for (Journey.Note n : m.journey().reflections()) {
                    add(note, id, n.course(), n.prompt(), n.promptText(), n.body(), n.nonce(), n.writtenAt());
                    notes++;
                }
                scorm += ScormDemo.write(c, id, m.scorm());
            }
            member.executeBatch();
            lesson.executeBatch();
            answer.executeBatch();
            note.executeBatch();
        }
        return new Summary(0, chunk.size(), lessons, attempts, answers, notes, scorm);
    }

    private static void add(PreparedStatement st, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            st.setObject(i + 1, p instanceof Instant instant ? Sql.iso(instant) : p);
        }
        st.addBatch();
    }
}
