package be.stek.course;

import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The courses being served. Loaded once at start-up; in development mode it looks at most once a second whether a
 * file changed and then reloads, so an author sees an edit on the next page view.
 */
public final class Catalogue {
    private static final Logger log = LoggerFactory.getLogger(Catalogue.class);

    private final CourseLoader loader;
    private final boolean devMode;
    private volatile CourseLoader.Loaded loaded;
    private volatile String fingerprint;
    private volatile long lastCheck;

    public Catalogue(CourseLoader loader, boolean devMode) {
        this.loader = loader;
        this.devMode = devMode;
        reload();
    }

    private synchronized void reload() {
        fingerprint = devMode ? loader.fingerprint() : "";
        loaded = loader.load();
        loaded.problems().list().forEach(p -> log.warn("course problem: {}", p));
        log.info("serving {} course(s){}", loaded.courses().size(),
                loaded.problems().isEmpty() ? "" : "; " + loaded.problems().size() + " problem(s) reported above");
    }

    private CourseLoader.Loaded current() {
        if (devMode && System.currentTimeMillis() - lastCheck > 1000) {
            lastCheck = System.currentTimeMillis();
            if (!loader.fingerprint().equals(fingerprint)) {
                reload();
            }
        }
        return loaded;
    }

    public List<Course> courses() {
        return current().courses();
    }

    public Optional<Course> course(String slug) {
        return current().courses().stream().filter(c -> c.slug().equals(slug)).findFirst();
    }

    public Glossary glossary() {
        return current().glossary();
    }

    public List<LearningPath> paths() {
        return current().paths();
    }

    public Problems problems() {
        return current().problems();
    }
}
