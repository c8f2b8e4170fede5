package dev.maillog554.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.TreeSet;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.maillog554.explain.ExplanationFields;
import dev.maillog554.scan.ScanResult;
import dev.maillog554.scan.ScanService;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

@QuarkusTest
class ApiResourcesTest {

    @Inject
    ScanService scans;

    long runId;

    @BeforeEach
    void load() {
        ScanResult r = ApiData.load(scans);
        assertEquals(4, r.counts().total(), "the fixture lines must parse: " + r);
        runId = r.runId();
    }

    @Test
    void listsRunsNewestFirstAndGetsOne() {
        given().when().get("/api/runs").then().statusCode(200).contentType(ContentType.JSON)
                .body("id", hasItem((int) runId)).body("[0].id", greaterThanOrEqualTo((int) runId));
        given().when().get("/api/runs/" + runId).then().statusCode(200)
                .body("id", equalTo((int) runId)).body("host", equalTo(ApiData.HOST))
                .body("rejections_found", equalTo(4)).body("status", equalTo("ok"))
                .body("started_at", equalTo("2024-12-01T00:00:00Z"));
    }

    @Test
    void unknownRunIs404WithAJsonBody() {
        given().when().get("/api/runs/987654321").then().statusCode(404).contentType(ContentType.JSON)
                .body("error", equalTo("no run 987654321"));
    }

    @Test
    void unknownPathIs404WithAJsonBody() {
        given().when().get("/api/nothing-here").then().statusCode(404).contentType(ContentType.JSON)
                .body("error", not(emptyOrNullString()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "-1", "99999999999999999999999"})
    void runIdThatIsNoNumberIs400(String id) {
        given().when().get("/api/runs/" + id).then().statusCode(400).contentType(ContentType.JSON)
                .body("parameter", equalTo("id")).body("error", not(emptyOrNullString()));
    }

    @Test
    void countsByDomainForOneHost() {
        given().queryParam("group", "domain").queryParam("host", ApiData.HOST)
                .when().get("/api/counts").then().statusCode(200)
                .body("group", equalTo("domain")).body("total", equalTo(4))
                .body("rows[0].key", equalTo("example.com")).body("rows[0].count", equalTo(2))
                .body("rows.key", hasItem("evil.example")).body("rows.key", hasItem("example.org"));
    }

    @ParameterizedTest
    @CsvSource({
        "code,554,4", "enhanced,5.7.1,4", "direction,outbound,3", "host," + ApiData.HOST + ",4",
        "day,2024-11-27,2"})
    void countsByEveryGroup(String group, String key, int count) {
        given().queryParam("group", group).queryParam("host", ApiData.HOST)
                .when().get("/api/counts").then().statusCode(200)
                .body("rows.find { it.key == '" + key + "' }.count", equalTo(count));
    }

    // The cause comes from the classifier, whose rules change: take it from the data rather than hard-coding it.
    @Test
    void categoryCountsMatchTheCategoryFilter() {
        String category = given().queryParam("host", ApiData.HOST).when().get("/api/rejections").then()
                .statusCode(200).extract().path("items[1].category");
        int counted = given().queryParam("group", "category").queryParam("host", ApiData.HOST)
                .when().get("/api/counts").then().statusCode(200).extract()
                .path("rows.find { it.key == '" + category + "' }.count");
        given().queryParam("host", ApiData.HOST).queryParam("category", category)
                .when().get("/api/rejections").then().statusCode(200).body("total", equalTo(counted))
                .body("items.category", everyItem(equalTo(category)));
    }

    @Test
    void countsByProviderAddUpToTheTotal() {
        given().queryParam("group", "provider").queryParam("host", ApiData.HOST)
                .when().get("/api/counts").then().statusCode(200).body("total", equalTo(4));
    }

    @Test
    void countsHonourTimeAndDirectionFilters() {
        given().queryParam("group", "direction").queryParam("host", ApiData.HOST)
                .queryParam("since", "2024-11-28").queryParam("until", "2024-11-29T00:00:00Z")
                .when().get("/api/counts").then().statusCode(200).body("total", equalTo(2));
        given().queryParam("group", "domain").queryParam("host", ApiData.HOST).queryParam("direction", "inbound")
                .when().get("/api/counts").then().statusCode(200).body("total", equalTo(1))
                .body("rows[0].key", equalTo("example.org"));
    }

    @ParameterizedTest
    @CsvSource({
        "group=nope,group", "group=,group", "group=domain&since=tomorrow,since",
        "group=domain&until=2024-13-01,until", "group=domain&since=2024-11-28&until=2024-11-27,until",
        "group=domain&direction=sideways,direction"})
    void badCountParametersAre400WithTheirName(String query, String parameter) {
        given().when().get("/api/counts?" + query).then().statusCode(400).contentType(ContentType.JSON)
                .body("parameter", equalTo(parameter)).body("error", not(equalTo("")));
    }

    @Test
    void rejectionsArePaginatedOldestFirst() {
        given().queryParam("host", ApiData.HOST).queryParam("size", 3)
                .when().get("/api/rejections").then().statusCode(200)
                .body("total", equalTo(4)).body("page", equalTo(0)).body("size", equalTo(3))
                .body("items", hasSize(3)).body("items[0].recipient", equalTo("bob@example.org"))
                .body("items[0].reply_code", equalTo(554)).body("items[0].enhanced_code", equalTo("5.7.1"))
                .body("items[0].time", equalTo("2024-11-27T10:00:01Z")).body("items[0].line", equalTo(1));
        given().queryParam("host", ApiData.HOST).queryParam("size", 3).queryParam("page", 1)
                .when().get("/api/rejections").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].recipient", equalTo("erin@evil.example"));
    }

    @ParameterizedTest
    @CsvSource({
        "domain=example.com,2", "domain=EXAMPLE.COM,2", "code=554,4", "code=5.7.1,4",
        "direction=inbound,1", "since=2024-11-28,2", "until=2024-11-28,2", "code=550,0"})
    void rejectionsHonourEveryFilter(String query, int total) {
        given().when().get("/api/rejections?host=" + ApiData.HOST + "&" + query).then().statusCode(200)
                .body("total", equalTo(total)).body("items.host", everyItem(equalTo(ApiData.HOST)));
    }

    @ParameterizedTest
    @CsvSource({
        "page=-1,page", "size=0,size", "size=1001,size", "code=abc,code", "category=nope,category",
        "since=27/11/2024,since", "direction=up,direction",
        // page * size overflowed an int: a 500
        "page=99999999&size=1000,page", "page=2147483647,page",
        // not an int at all: RESTEasy's empty 404
        "page=99999999999,page", "page=99999999999999999999999,page", "page=abc,page", "size=abc,size",
        "size=99999999999,size", "size=1.5,size",
        // a time the database cannot hold: a 500
        "since=+999999999-01-01T00:00:00Z,since", "until=-999999-01-01,until"})
    void badRejectionParametersAre400WithTheirName(String query, String parameter) {
        given().when().get("/api/rejections?" + query).then().statusCode(400).contentType(ContentType.JSON)
                .body("parameter", equalTo(parameter)).body("error", not(emptyOrNullString()));
    }

    @Test
    void theLastPossiblePageIsEmptyNotAnError() {
        given().queryParam("host", ApiData.HOST).queryParam("size", 1000).queryParam("page", Integer.MAX_VALUE / 1000)
                .when().get("/api/rejections").then().statusCode(200)
                .body("total", equalTo(4)).body("items", hasSize(0));
    }

    // The fixture lies in 2024: every relative time is after it.
    @ParameterizedTest
    @CsvSource({
        "since=yesterday,0", "until=yesterday,4", "since=today,0", "since=7d,0", "until=24h,4", "until=2w,4",
        "since=2024-11-28T00:00,2", "until=2024-11-28T00:00:00+00:00,2"})
    void acceptsEveryTimeFormOfTheCli(String query, int total) {
        given().when().get("/api/rejections?host=" + ApiData.HOST + "&" + query).then().statusCode(200)
                .body("total", equalTo(total));
        given().when().get("/api/counts?group=day&host=" + ApiData.HOST + "&" + query)
                .then().statusCode(200).body("total", equalTo(total));
    }

    @Test
    void explainsALogLineAsPlainText() {
        given().contentType(ContentType.TEXT).body(ApiData.LINES.get(1))
                .when().post("/api/explain").then().statusCode(200)
                .body("reply_code", equalTo(554)).body("enhanced_code", equalTo("5.7.1"))
                .body("enhanced_meaning", equalTo("Permanent failure: Delivery not authorized, message refused"))
                .body("category", not(equalTo(""))).body("tips", not(equalTo(null)));
    }

    @Test
    void explainAnswersTheFieldsOfTheOneExplanation() {
        Map<String, Object> body = given().contentType(ContentType.TEXT).body(ApiData.LINES.get(1))
                .when().post("/api/explain").then().statusCode(200).extract().jsonPath().getMap("");
        // the same record, through Jackson, as explain --json (ExplainCommandTest checks that side)
        assertEquals(new TreeSet<>(ExplanationFields.withoutChecks()), new TreeSet<>(body.keySet()));
    }

    @Test
    void explainsReplyTextAsJson() {
        given().contentType(ContentType.JSON).body("{\"text\": \"552 5.2.2 Mailbox full\"}")
                .when().post("/api/explain").then().statusCode(200)
                .body("reply_code", equalTo(552)).body("enhanced_code", equalTo("5.2.2"))
                .body("enhanced_meaning", equalTo("Permanent failure: Mailbox full"));
    }

    @Test
    void explainWithoutTextIs400() {
        given().contentType(ContentType.JSON).body("{\"text\": \"  \"}")
                .when().post("/api/explain").then().statusCode(400).body("parameter", equalTo("text"));
        given().contentType(ContentType.TEXT).body("")
                .when().post("/api/explain").then().statusCode(400).body("parameter", equalTo("text"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"text\": ", "[1, 2]", "{\"text\": {\"a\": 1}}"})
    void explainWithABodyThatIsNoJsonObjectIs400(String body) {
        given().contentType(ContentType.JSON).body(body)
                .when().post("/api/explain").then().statusCode(400).contentType(ContentType.JSON)
                .body("parameter", equalTo("text")).body("error", not(emptyOrNullString()));
    }

    @Test
    void servesTheHtmlReportWithLogTextEscaped() {
        given().queryParam("host", ApiData.HOST).when().get("/").then().statusCode(200)
                .contentType(ContentType.HTML)
                .body(containsString("SMTP rejections: history of " + ApiData.HOST))
                .body(containsString("&lt;script&gt;alert(1)&lt;/script&gt;"))
                .body(not(containsString("<script>alert(1)")))
                .body(not(containsString("<img src=x")));
    }

    // The page's inline style and script must match the policy's hashes, or a browser would drop them.
    @Test
    void reportPolicyAllowsExactlyThePagesOwnStyleAndScript() throws Exception {
        Response r = given().when().get("/");
        r.then().statusCode(200);
        String csp = r.getHeader("Content-Security-Policy");
        String page = r.asString();
        assertTrue(csp.contains("style-src " + sha256(between(page, "<style>", "</style>")) + ";"), csp);
        assertTrue(csp.contains("script-src " + sha256(between(page, "<script>", "</script>")) + ";"), csp);
        assertEquals(1, page.split("<script", -1).length - 1, "one script, the hashed one");
        assertTrue(csp.contains("default-src 'none'") && !csp.contains("unsafe-inline"), csp);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/api/runs", "/api/counts?group=nope", "/api/nothing-here", "/q/openapi"})
    void everyAnswerCarriesTheSecurityHeaders(String path) {
        given().when().get(path).then()
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("Referrer-Policy", equalTo("no-referrer"))
                .header("X-Frame-Options", equalTo("DENY"));
    }

    private static String between(String page, String open, String close) {
        int from = page.indexOf(open) + open.length();
        return page.substring(from, page.indexOf(close, from));
    }

    private static String sha256(String inline) throws Exception {
        return "'sha256-" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(inline.getBytes(StandardCharsets.UTF_8))) + "'";
    }

    @Test
    void htmlReportComparesWithThePreviousPeriod() {
        given().queryParam("host", ApiData.HOST).queryParam("since", "2024-11-28").queryParam("until", "2024-11-29")
                .when().get("/").then().statusCode(200)
                .body(containsString("change against the previous period (2)"));
    }

    @Test
    void badReportParameterIs400() {
        given().queryParam("since", "soon").when().get("/").then().statusCode(400)
                .body("parameter", equalTo("since"));
    }

    @Test
    void publishesAnOpenApiDocument() {
        given().accept(ContentType.JSON).when().get("/q/openapi").then().statusCode(200)
                .body(containsString("/api/runs/{id}")).body(containsString("/api/counts"))
                .body(containsString("/api/rejections")).body(containsString("/api/explain"))
                .body(containsString("List rejections"));
    }
}
