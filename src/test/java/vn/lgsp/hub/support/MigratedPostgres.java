package vn.lgsp.hub.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A real PostgreSQL server (embedded binaries, no Docker) with the hub's Flyway migrations applied, for tests that
 * check the SQL of a capability on the production database without starting the whole hub.
 */
public final class MigratedPostgres implements AutoCloseable {

    private final EmbeddedPostgres postgres;

    private MigratedPostgres(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static MigratedPostgres start() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.start();
            Flyway.configure().dataSource(postgres.getPostgresDatabase()).locations("classpath:db/migration")
                    .load().migrate();
            return new MigratedPostgres(postgres);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start embedded PostgreSQL", e);
        }
    }

    public JdbcClient jdbc() {
        return JdbcClient.create(postgres.getPostgresDatabase());
    }

    public javax.sql.DataSource dataSource() {
        return postgres.getPostgresDatabase();
    }

    /** The JDBC URL of the server's {@code postgres} database (user and password {@code postgres}), for hub JVMs. */
    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
