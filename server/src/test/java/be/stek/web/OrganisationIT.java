package be.stek.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.stek.testing.Http;
import be.stek.testing.TestServer;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stek shows its own mark and favicon, and the name and logo of the organisation that runs it. */
class OrganisationIT {

    @Test
    void the_header_shows_the_organisations_name_and_logo_and_every_page_has_a_favicon(@TempDir Path data,
                                                                                     @TempDir Path files) throws Exception {
        Path logo = Files.writeString(files.resolve("logo.svg"),
                "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><title>Logo</title></svg>");
        try (TestServer server = TestServer.start(data, c -> c.withOrganisation("Huis van het Kind Gent", logo))) {
            Http visitor = new Http(server);
            String home = visitor.get("/").body();
            assertTrue(home.contains("Huis van het Kind Gent"), home);
            assertTrue(home.contains("<img src=\"/organisation/logo\" alt=\"Huis van het Kind Gent\""), home);
            assertTrue(home.contains("<link rel=\"icon\" href=\"/static/favicon.svg\""), home);
            assertTrue(!home.contains("◠"), "no placeholder mark");
            HttpResponse<String> served = visitor.get("/organisation/logo");
            assertEquals(200, served.statusCode());
            assertTrue(served.headers().firstValue("Content-Type").orElse("").startsWith("image/svg+xml"));
            assertEquals(200, visitor.get("/static/favicon.svg").statusCode());
        }
    }

    @Test
    void without_an_organisation_the_header_shows_only_stek(@TempDir Path data) throws Exception {
        try (TestServer server = TestServer.start(data)) {
            String home = new Http(server).get("/").body();
            assertTrue(!home.contains("class=\"org\""), home);
            assertEquals(404, new Http(server).get("/organisation/logo").statusCode());
        }
    }
}
