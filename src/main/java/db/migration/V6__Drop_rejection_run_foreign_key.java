package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * V6: drops the foreign key from {@code rejection.run_id} to {@code scan_run}.
 *
 * <p>Why: on H2 the key costs every stored rejection a check against {@code scan_run} and an entry in an index of
 * its own that no query reads (nothing filters or deletes by run; nothing deletes runs at all). bench/run.sh's
 * floor rows, storing the 166,266 rejections of the 1 GiB benchmark log with nothing else: 8.9 s with the key,
 * 7.8 s without; the 105,183 of the Exim log 6.3 s against 4.0 s. A whole scan gains less, 0 to 11% (bench/ab.sh;
 * reading shares the cores). The run id is still stored with every row, written only by the scan that made the
 * run.
 *
 * <p>Java, not SQL, because V1 declared the key without a name: H2 named it itself, PostgreSQL
 * {@code rejection_run_id_fkey}. This finds it by its kind in the standard information schema both databases have.
 * It lives in {@code db.migration}, Flyway's default location, beside the SQL migrations; Quarkus registers Java
 * migrations for the native image.
 */
public class V6__Drop_rejection_run_foreign_key extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        List<String> keys = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT constraint_name "
                + "FROM information_schema.table_constraints "
                + "WHERE LOWER(table_name) = 'rejection' AND constraint_type = 'FOREIGN KEY' "
                + "AND table_schema = CURRENT_SCHEMA");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                keys.add(rs.getString(1));
            }
        }
        try (Statement st = c.createStatement()) {
            for (String key : keys) {
                st.execute("ALTER TABLE rejection DROP CONSTRAINT \"" + key.replace("\"", "\"\"") + "\"");
            }
        }
    }
}
