package dev.maillog554.report;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.quarkus.qute.EngineBuilder;
import io.quarkus.qute.Expression;
import io.quarkus.qute.RawString;
import io.quarkus.qute.ResultMapper;
import io.quarkus.qute.TemplateNode.Origin;
import io.quarkus.qute.Variant;

/**
 * Every value an HTML template writes goes through {@link Html#escape}, ahead of Qute's own HTML escaper: both turn
 * {@code & < > " '} into entities, and ours also drops control characters, which a journal record can carry into a
 * log line. So the page is escaped by default, by the same function as the SVG charts, and a template has no way to
 * opt out except a {@link RawString} that Java code built (the page's own CSS, script and charts).
 */
@Singleton
class HtmlEscaping {

    void addTo(@Observes EngineBuilder engine) {
        engine.addResultMapper(new Escaper());
    }

    private static final class Escaper implements ResultMapper {

        @Override
        public int getPriority() {
            // Before Qute's HtmlEscaper, which has the default priority.
            return DEFAULT_PRIORITY + 10;
        }

        @Override
        public boolean appliesTo(Origin origin, Object result) {
            return !(result instanceof RawString)
                    && origin.getVariant().map(v -> Variant.TEXT_HTML.equals(v.getContentType())).orElse(false);
        }

        @Override
        public String map(Object result, Expression expression) {
            return Html.escape(result == null ? null : result.toString());
        }
    }
}
