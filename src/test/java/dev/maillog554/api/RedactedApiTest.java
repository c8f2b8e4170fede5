package dev.maillog554.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.maillog554.report.Redactor;
import dev.maillog554.scan.ScanService;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** With {@code serve --redact}, no response shows the local part of an address. */
@QuarkusTest
@TestProfile(RedactedApiTest.Redacting.class)
class RedactedApiTest {

    /** What {@code serve --redact} sets before start-up. */
    public static class Redacting implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("maillog554.api.redact", "true");
        }
    }

    @Inject
    ScanService scans;

    @BeforeEach
    void load() {
        ApiData.load(scans);
    }

    @Test
    void rejectionsHideLocalParts() {
        given().queryParam("host", ApiData.HOST).queryParam("domain", "example.org")
                .when().get("/api/rejections").then().statusCode(200)
                .body("items[0].recipient", equalTo(Redactor.of(true).address("bob@example.org")))
                .body("items[0].sender", equalTo(Redactor.of(true).address("a@example.net")))
                .body(not(containsString("bob@"))).body(not(containsString("a@example.net")));
    }

    @Test
    void htmlReportHidesLocalParts() {
        given().queryParam("host", ApiData.HOST).when().get("/").then().statusCode(200)
                .body(not(containsString("bob@"))).body(not(containsString("carol@")))
                .body(not(containsString("dave@"))).body(not(containsString("erin@")))
                .body(containsString("Local parts of addresses are replaced by a short hash."));
    }
}
