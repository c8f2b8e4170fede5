package dev.maillog554.store;

import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;

/**
 * Activates the PostgreSQL datasource and persistence unit when {@code maillog554.db.url} is a PostgreSQL URL,
 * and the embedded H2 ones otherwise. The URL may come from {@code --db-url}, the environment
 * ({@code MAILLOG554_DB_URL}) or a config file: this factory sees them all, at run time.
 */
public class DatabaseSelection implements ConfigSourceFactory {

    /** Above application.properties, below environment variables and system properties. */
    static final int ORDINAL = 270;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue url = context.getValue("maillog554.db.url");
        boolean pg = isPostgres(url == null ? null : url.getValue());
        return java.util.List.of(new PropertiesConfigSource(Map.of(
                "quarkus.datasource.active", Boolean.toString(!pg),
                "quarkus.hibernate-orm.active", Boolean.toString(!pg),
                "quarkus.datasource.\"pg\".active", Boolean.toString(pg),
                "quarkus.hibernate-orm.\"pg\".active", Boolean.toString(pg)),
                "maillog554-database-selection", ORDINAL));
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(ORDINAL);
    }

    /** True for {@code jdbc:postgresql:...} URLs. */
    public static boolean isPostgres(String url) {
        return url != null && url.trim().toLowerCase(Locale.ROOT).startsWith("jdbc:postgresql:");
    }
}
