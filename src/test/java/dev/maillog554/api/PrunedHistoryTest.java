package dev.maillog554.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.maillog554.classify.Category;
import dev.maillog554.parse.Direction;
import dev.maillog554.scan.DedupeKey;
import dev.maillog554.store.HistoryPrune;
import dev.maillog554.store.HistoryQueriesTest;
import dev.maillog554.store.KeyedRejection;
import dev.maillog554.store.RunInfo;
import dev.maillog554.store.RunStore;
import io.quarkus.test.junit.QuarkusTest;

/**
 * serve over a history whose oldest rows were pruned: whole days are still counted from the rollups, the page
 * says that the window reaches past the rows, and the per-rejection list has only the rows left.
 */
@QuarkusTest
class PrunedHistoryTest {

    @Inject
    RunStore store;
    @Inject
    HistoryPrune pruner;

    @Test
    void wholeDaysCountPrunedDaysAndThePageSaysSo() {
        String host = "h-" + UUID.randomUUID();
        Instant day1 = Instant.parse("2026-02-10T10:00:00Z");
        Instant day2 = Instant.parse("2026-02-11T10:00:00Z");
        List<KeyedRejection> batch = List.of(row(host, day1, 1), row(host, day1, 2), row(host, day2, 3));
        long run = store.startRun(new RunInfo(day1, host, List.of("mail.log"), "554"));
        store.saveBatch(run, batch);
        pruner.prune(Instant.parse("2026-02-11T00:00:00Z"), null, host);

        given().queryParam("host", host).queryParam("group", "direction").when().get("/api/counts").then()
                .statusCode(200).body("total", equalTo(3));
        given().queryParam("host", host).when().get("/api/rejections").then().statusCode(200)
                .body("total", equalTo(1));
        given().queryParam("host", host).when().get("/").then().statusCode(200)
                .body(containsString("were pruned")).body(containsString(">3<"));
        // a window after the cut-off has all its rows: no note
        given().queryParam("host", host).queryParam("since", "2026-02-11").when().get("/").then().statusCode(200)
                .body(not(containsString("were pruned")));
    }

    private static KeyedRejection row(String host, Instant at, int n) {
        return new KeyedRejection(DedupeKey.of(host, "line " + n, 1), HistoryQueriesTest.rejection(host, at,
                Direction.OUTBOUND, "example.org", "5.7.1", new Category("policy"), "reply " + n));
    }
}
