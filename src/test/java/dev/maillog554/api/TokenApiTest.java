package dev.maillog554.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** With a token ({@code serve --token-file}, {@code MAILLOG554_API_TOKEN}), every request must carry it. */
@QuarkusTest
@TestProfile(TokenApiTest.WithToken.class)
class TokenApiTest {

    static final String TOKEN = "test-token-4f1c2a9e";

    /** What {@code serve --token-file} sets before start-up. */
    public static class WithToken implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("maillog554.api.token", TOKEN);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/api/runs", "/api/counts?group=domain", "/api/rejections", "/q/openapi",
        "/q/metrics", "/api/nothing-here"})
    void withoutTheTokenEveryPathIs401(String path) {
        given().when().get(path).then().statusCode(401).contentType(ContentType.JSON)
                .header("WWW-Authenticate", containsString("Bearer"))
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .body("error", containsString("bearer token"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer wrong-token", "Bearer " + TOKEN + "x", "Bearer " + "test-token",
        "Basic " + TOKEN, TOKEN, "Bearer"})
    void aWrongTokenIs401(String authorization) {
        given().header("Authorization", authorization).when().get("/api/runs").then().statusCode(401);
    }

    @Test
    void theRightTokenIsServed() {
        given().header("Authorization", "Bearer " + TOKEN).when().get("/api/runs").then().statusCode(200);
        given().header("Authorization", "bearer " + TOKEN).when().get("/").then().statusCode(200)
                .contentType(ContentType.HTML);
        given().header("Authorization", "Bearer " + TOKEN).contentType(ContentType.TEXT).body("552 5.2.2 Full")
                .when().post("/api/explain").then().statusCode(200).body("reply_code", equalTo(552));
        given().header("Authorization", "Bearer " + TOKEN).when().get("/q/metrics").then().statusCode(200);
    }

    @Test
    void aPostWithoutTheTokenIsNotExplained() {
        given().contentType(ContentType.TEXT).body("552 5.2.2 Full").when().post("/api/explain").then()
                .statusCode(401);
    }

    @Test
    void bearerTokenComparesTheWholeToken() {
        BearerToken t = BearerToken.of(TOKEN);
        assertTrue(t.accepts("Bearer " + TOKEN));
        assertTrue(t.accepts("BEARER  " + TOKEN + " "));
        assertFalse(t.accepts("Bearer " + TOKEN.substring(1)));
        assertFalse(t.accepts("Bearer " + TOKEN + TOKEN));
        assertFalse(t.accepts(null));
        assertFalse(t.accepts(""));
        assertNull(BearerToken.of(" "), "a blank token demands nothing");
    }
}
