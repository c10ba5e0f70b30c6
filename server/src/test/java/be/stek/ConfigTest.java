package be.stek;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The content origin's default port is a port that exists, and never Stek's own. */
class ConfigTest {
    @Test
    void the_content_port_defaults_to_a_valid_neighbour_of_stek_s_port() {
        assertEquals(8081, Config.Content.besides(8080).port());
        assertEquals(65534, Config.Content.besides(65535).port(), "65536 is not a port");
        assertEquals(0, Config.Content.besides(0).port(), "any free port when Stek's is any free port");
        Config top = new Config("127.0.0.1", 65535, Path.of("data"), Path.of("courses"), Path.of("media"),
                "http://localhost:65535", false);
        assertEquals(65534, top.content().port());
    }

    @Test
    void the_content_port_may_not_be_stek_s_port() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Config.defaults().withContent(new Config.Content(8080, null, Config.Content.DEFAULT_CSP)));
        assertEquals("the content port must differ from the port (8080)", e.getMessage());
    }
}
