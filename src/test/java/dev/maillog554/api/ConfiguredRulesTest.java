package dev.maillog554.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** The configuration key maillog554.classify-dir (what MAILLOG554_CLASSIFY_DIR sets) reaches the REST API. */
@QuarkusTest
@TestProfile(ConfiguredRulesTest.LocalRules.class)
class ConfiguredRulesTest {

    static final String LOCAL = "src/test/resources/fixtures/classify/local";

    public static class LocalRules implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("maillog554.classify-dir", LOCAL);
        }
    }

    @Test
    void explainUsesTheConfiguredFolder() throws IOException {
        // fixtures/postfix/inbound.log line 3: Client host [203.0.113.10] blocked using dnsbl.example.org
        String line = Files.readAllLines(Path.of("src/test/resources/fixtures/postfix/inbound.log")).get(2);
        given().contentType(ContentType.TEXT).body(line)
                .when().post("/api/explain").then().statusCode(200)
                .body("category", equalTo("own-dnsbl")).body("blocklist", equalTo("own-dnsbl"))
                .body("tips", hasItem("Delist 203.0.113.10 at https://dnsbl.example.org/ once the partner confirms."));
    }

    @Test
    void aLocalCategoryIsAValidFilter() {
        given().when().get("/api/rejections?category=own-dnsbl").then().statusCode(200);
        given().when().get("/api/rejections?category=own-dnsbl-typo").then().statusCode(400)
                .body("parameter", equalTo("category"));
    }
}
