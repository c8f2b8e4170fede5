package dev.maillog554.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import dev.maillog554.report.HtmlReport;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Runs before every route (the report, /api, /q/openapi, unknown paths): sends the security headers, and when
 * {@code serve} has a token, answers 401 to any request without {@code Authorization: Bearer <token>}. A Vert.x
 * route rather than a JAX-RS filter, so that nothing outside the REST resources escapes it.
 */
@ApplicationScoped
public class ApiGuard {

    /** Before every route Quarkus and its extensions add. */
    static final int ORDER = -1_000_000;

    static final String UNAUTHORIZED = "{\"error\":\"a bearer token is required: send Authorization: Bearer "
            + "<token>, the token serve was given\",\"parameter\":null}";

    @Inject
    ApiSettings settings;

    void install(@Observes Router router) {
        BearerToken token = BearerToken.of(settings.token().orElse(null));
        router.route().order(ORDER).handler(rc -> handle(rc, token));
    }

    private static void handle(RoutingContext rc, BearerToken token) {
        MultiMap h = rc.response().headers();
        h.set("Content-Security-Policy", HtmlReport.contentSecurityPolicy());
        h.set("X-Content-Type-Options", "nosniff");
        h.set("Referrer-Policy", "no-referrer");
        // For browsers that predate CSP's frame-ancestors.
        h.set("X-Frame-Options", "DENY");
        if (token != null && !token.accepts(rc.request().getHeader(HttpHeaders.AUTHORIZATION))) {
            rc.response().setStatusCode(401).putHeader("WWW-Authenticate", "Bearer realm=\"maillog554\"")
                    .putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(UNAUTHORIZED);
            return;
        }
        rc.next();
    }
}
