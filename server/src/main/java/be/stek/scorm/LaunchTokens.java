package be.stek.scorm;

import be.stek.store.Database;
import be.stek.store.Sql;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Launch tokens: what the package content origin accepts instead of a Stek session. Stek's player page issues one
 * per launch; it names that launch (its session id, the learner, the package and the item) and the page that framed
 * it, and is signed with a key kept in the database (so it survives a restart). It opens only that package's files and
 * commits only to that launch's attempt, for {@link #LIFETIME}; opening the player again gives a new one.
 * Nothing is stored when a token is issued: opening the player still writes nothing.
 */
final class LaunchTokens {
    static final Duration LIFETIME = Duration.ofHours(4);
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(1);
    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();

    /** One launch as a token names it; {@code player} is the origin of the page that frames the content. */
    record Launch(String sessionId, long learnerId, long packageId, String itemId, String player, Instant issuedAt) {
    }

    private final byte[] key;

    LaunchTokens(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("a launch token key needs at least 32 bytes");
        }
        this.key = key.clone();
    }

    /** The tokens signed with the key that migration 10 stored. */
    static LaunchTokens of(Database db) {
        return new LaunchTokens(db.read(c -> Sql.one(c, "SELECT value FROM server_secret WHERE name = 'scorm-launch'",
                rs -> rs.getBytes(1)).orElseThrow(() -> new IllegalStateException("no scorm-launch key"))));
    }

    String issue(Launch launch) {
        var payload = CommitParser.JSON.createObjectNode().put("s", launch.sessionId()).put("l", launch.learnerId())
                .put("p", launch.packageId()).put("i", launch.itemId()).put("o", launch.player())
                .put("t", launch.issuedAt().getEpochSecond());
        byte[] body = payload.toString().getBytes(StandardCharsets.UTF_8);
        return ENCODE.encodeToString(body) + "." + ENCODE.encodeToString(mac(body));
    }

    /** The launch a token names, when its signature holds and it has not expired at {@code now}. */
    Optional<Launch> verify(String token, Instant now) {
        int dot = token == null ? -1 : token.indexOf('.');
        if (dot <= 0 || token.length() > 2048) {
            return Optional.empty();
        }
        try {
            byte[] body = Base64.getUrlDecoder().decode(token.substring(0, dot));
            byte[] signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
            if (!MessageDigest.isEqual(signature, mac(body))) {
                return Optional.empty();
            }
            JsonNode n = CommitParser.JSON.readTree(body);
            Instant issued = Instant.ofEpochSecond(n.path("t").asLong());
            if (now.isBefore(issued.minus(CLOCK_SKEW)) || !now.isBefore(issued.plus(LIFETIME))) {
                return Optional.empty();
            }
            return Optional.of(new Launch(n.path("s").asText(), n.path("l").asLong(), n.path("p").asLong(),
                    n.path("i").asText(), n.path("o").asText(), issued));
        } catch (IllegalArgumentException | java.io.IOException e) {
            return Optional.empty();
        }
    }

    private byte[] mac(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
