package vn.lgsp.hub.support;

import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Base of the tests that run a capability's SQL on real PostgreSQL without the whole hub: one migrated server per
 * test class ({@link MigratedPostgres}), reached through {@link #jdbc}.
 */
public abstract class SqlOnPostgresTest {

    protected static MigratedPostgres postgres;
    protected static JdbcClient jdbc;

    @BeforeAll
    static void startPostgres() {
        postgres = MigratedPostgres.start();
        jdbc = postgres.jdbc();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        postgres.close();
    }
}
