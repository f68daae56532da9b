package vn.lgsp.hub.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;
import vn.lgsp.hub.canonical.Dossier;
import vn.lgsp.hub.delivery.Outbox;
import vn.lgsp.hub.delivery.OutboxMessage;
import vn.lgsp.hub.delivery.OutboxRelay;
import vn.lgsp.hub.errors.ErrorCode;
import vn.lgsp.hub.errors.HubException;
import vn.lgsp.hub.platform.GroupCommit;
import vn.lgsp.hub.platform.GroupCommitter.Outcome;
import vn.lgsp.hub.platform.HubProperties;
import vn.lgsp.hub.support.Dossiers;
import vn.lgsp.hub.support.MigratedPostgres;
import vn.lgsp.hub.trail.DossierTrail;
import vn.lgsp.hub.trail.TrailKind;

/**
 * The intake's batch writer on H2 and on PostgreSQL: a batch answers each submission as the intake answers one at a
 * time (new, repeated by source or by key, a key reused with another dossier, a dossier code taken), between
 * submissions of the same batch too, and stores each new dossier with its key, trail and outbox rows; a batch
 * that fails on a unique key is written again one submission at a time.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IntakeWriterIT {

    private static final String CALLER = "onestop";
    private final CanonicalJson json = new CanonicalJson(new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS));
    private final ExecutorService requests = Executors.newFixedThreadPool(16);
    private MigratedPostgres postgres;

    @BeforeAll
    void startPostgres() {
        postgres = MigratedPostgres.start();
    }

    @AfterAll
    void stopPostgres() throws Exception {
        requests.shutdownNow();
        postgres.close();
    }

    Stream<DataSource> databases() {
        var h2 = new DriverManagerDataSource("jdbc:h2:mem:intake-writer-" + System.nanoTime()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(h2).locations("classpath:db/migration", "classpath:db/vendor/h2").load().migrate();
        return Stream.of(h2, postgres.dataSource());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aBatchAnswersEachSubmissionAsOneAtATimeWouldAlsoBetweenItsOwn(DataSource db) {
        Fixture f = new Fixture(db);
        String ref = Dossiers.newRef("batch");
        String key = Dossiers.newRef("key");
        List<Outcome<IntakeReceipt>> outcomes = f.write(List.of(
                f.submission(ref, key, null),                    // new
                f.submission(ref, null, null),                   // the same source again: its duplicate
                f.submission(ref + "-other", key, null),         // the same key, another dossier: 422
                f.submission(ref, key, null),                    // the same key, the same dossier: its duplicate
                f.submission(ref + "-second", null, null)));     // new
        String first = outcomes.get(0).value().dossierCode();
        String second = outcomes.get(4).value().dossierCode();
        assertThat(outcomes.get(0).value().duplicate()).isFalse();
        assertThat(outcomes.get(1).value()).isEqualTo(IntakeReceipt.accepted(first, true));
        assertThat(outcomes.get(2).failure()).isInstanceOf(HubException.class)
                .extracting(e -> ((HubException) e).code()).isEqualTo(ErrorCode.IDEMPOTENCY_KEY_REUSED);
        assertThat(outcomes.get(3).value()).isEqualTo(IntakeReceipt.accepted(first, true));
        assertThat(outcomes.get(4).value().duplicate()).isFalse();
        assertThat(first).startsWith("H15.50.05.13-");
        assertThat(second).isNotEqualTo(first);

        assertThat(f.count("dossier WHERE source_ref LIKE '" + ref + "%'")).isEqualTo(2);
        assertThat(f.count("idempotency_key WHERE idem_key = '" + key + "' AND dossier_code = '" + first + "'"))
                .isEqualTo(1);
        assertThat(f.trail.of(first)).extracting(e -> e.kind()).containsExactly(TrailKind.RECEIVED,
                TrailKind.ROUTED, TrailKind.DUPLICATE_SUBMISSION);
        assertThat(f.trail.of(second)).extracting(e -> e.kind()).containsExactly(TrailKind.RECEIVED,
                TrailKind.ROUTED);
        // Each new dossier: its JSON to the delivery queue, its code to the sync queue; the ids are the rows'.
        assertThat(f.jdbc.sql("SELECT body FROM outbox_message WHERE group_key = ? AND destination = 'delivery'")
                .param(first).query(String.class).single())
                .isEqualTo(json.write(json.parse(Dossiers.citizen(ref), Dossier.class)
                        .acceptedAs(first, CALLER, f.at, 1)));
        assertThat(f.jdbc.sql("SELECT body FROM outbox_message WHERE group_key = ? AND destination = 'sync'")
                .param(second).query(String.class).single()).isEqualTo(second);
        assertThat(f.handedToTheRelay()).isEqualTo(f.storedMessages()).isEqualTo(2 * 2);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aBatchAnswersSubmissionsRepeatingStoredOnes(DataSource db) {
        Fixture f = new Fixture(db);
        String ref = Dossiers.newRef("stored");
        String key = Dossiers.newRef("key");
        String original = f.write(List.of(f.submission(ref, key, null))).get(0).value().dossierCode();
        String taken = Dossiers.newRef("H15-CODE");
        f.write(List.of(f.submission(ref + "-coded", null, taken)));

        List<Outcome<IntakeReceipt>> outcomes = f.write(List.of(
                f.submission(ref, null, null),                // the same source: the original receipt
                f.submission(ref + "-x", key, null),          // the key with another dossier: 422
                f.submission(ref, key, null),                 // the same key, the same dossier
                f.submission(ref + "-y", null, taken)));      // a dossier code another submission holds
        assertThat(outcomes.get(0).value()).isEqualTo(IntakeReceipt.accepted(original, true));
        assertThat(outcomes.get(1).failure()).isInstanceOf(HubException.class);
        assertThat(outcomes.get(2).value()).isEqualTo(IntakeReceipt.accepted(original, true));
        assertThat(outcomes.get(3).failure()).isInstanceOf(DuplicateKeyException.class);
        assertThat(f.count("dossier WHERE source_ref LIKE '" + ref + "%'")).isEqualTo(2);
        assertThat(f.trail.of(original)).extracting(e -> e.kind()).containsExactly(TrailKind.RECEIVED,
                TrailKind.ROUTED, TrailKind.DUPLICATE_SUBMISSION);
        // What DossierIntake answers a submission whose insert failed with.
        assertThat(f.writer.earlierSubmission(f.submission(ref, null, null)))
                .contains(IntakeReceipt.accepted(original, true));
        assertThat(f.writer.earlierSubmission(f.submission(ref + "-z", null, null))).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aBatchThatFailsOnAUniqueKeyIsWrittenAgainOneSubmissionAtATime(DataSource db) throws Exception {
        Fixture f = new Fixture(db);
        GroupCommit commits = f.groupCommit();
        try {
            // The code the batch's second submission will get is taken already: its insert fails the batch.
            long next = f.jdbc.sql("SELECT nextval('dossier_code_seq')").query(Long.class).single() + 1;
            String prefix = "H15.50.05.13-" + f.at.atZoneSameInstant(DossierTrail.ZONE)
                    .format(java.time.format.DateTimeFormatter.ofPattern("yyMMdd")) + "-";
            f.store.insert(json.parse(Dossiers.citizen(Dossiers.newRef("squatter")), Dossier.class)
                    .acceptedAs(prefix + "%04d".formatted(next + 1), "other", f.at, 1), "{}");
            String ref = Dossiers.newRef("fallback");
            CountDownLatch release = holdTheCommitter(commits);
            List<Future<IntakeReceipt>> answers = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                IntakeSubmission submission = f.submission(ref + "-" + i, null, null);
                answers.add(requests.submit(() -> commits.run(f.writer, submission)));
            }
            IntakeSubmission repeat = f.submission(ref + "-0", null, null);
            await().atMost(Duration.ofSeconds(20)).until(() -> commits.waitingUnits() == 3);
            answers.add(requests.submit(() -> commits.run(f.writer, repeat)));
            await().atMost(Duration.ofSeconds(20)).until(() -> commits.waitingUnits() == 4);
            release.countDown();
            List<IntakeReceipt> receipts = new ArrayList<>();
            for (Future<IntakeReceipt> answer : answers) {
                receipts.add(answer.get(20, TimeUnit.SECONDS));
            }
            // Written one at a time after the rollback: new numbers, each stored once, the repeat its duplicate.
            assertThat(receipts.subList(0, 3)).extracting(IntakeReceipt::duplicate).containsOnly(false);
            assertThat(receipts.get(3)).isEqualTo(IntakeReceipt.accepted(receipts.get(0).dossierCode(), true));
            assertThat(receipts.subList(0, 3)).extracting(IntakeReceipt::dossierCode)
                    .doesNotContain(prefix + "%04d".formatted(next + 1)).doesNotHaveDuplicates();
            assertThat(f.count("dossier WHERE source_ref LIKE '" + ref + "%'")).isEqualTo(3);
            assertThat(f.count("dossier_event WHERE dossier_code IN ('" + String.join("', '",
                    receipts.subList(0, 3).stream().map(IntakeReceipt::dossierCode).toList()) + "')"))
                    .isEqualTo(3 * 2 + 1); // RECEIVED and ROUTED each, and the repeat's DUPLICATE_SUBMISSION
            // Only the committed messages reach the relay: none of the rolled-back batch.
            assertThat(f.handedToTheRelay()).isEqualTo(f.storedMessages()).isEqualTo(3 * 2);
        } finally {
            commits.stop();
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void theOutboxBatchGivesEachMessageTheIdOfItsRow(DataSource db) {
        Fixture f = new Fixture(db);
        List<Outbox.Draft> drafts = List.of(Outbox.Draft.of("q1", "c1", "T", "b1"), Outbox.Draft.of("q2", "c1", "T", "b2"),
                Outbox.Draft.of("q1", "c2", "T", "b3"));
        List<OutboxMessage> messages = f.tx.execute(status -> f.outbox.enqueueAll(drafts));
        assertThat(messages).extracting(OutboxMessage::eventId).containsExactlyElementsOf(drafts.stream()
                .map(Outbox.Draft::eventId).toList());
        for (OutboxMessage message : messages) {
            assertThat(f.jdbc.sql("SELECT event_id FROM outbox_message WHERE id = ?").param(message.id())
                    .query(String.class).single()).isEqualTo(message.eventId());
        }
        assertThat(messages).extracting(OutboxMessage::id).isSorted();
        assertThat(f.handedToTheRelay()).isEqualTo(3);
    }

    /** Occupies the only committer with a unit that waits for the latch, so the next units queue up together. */
    private CountDownLatch holdTheCommitter(GroupCommit commits) {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch holding = new CountDownLatch(1);
        requests.submit(() -> commits.run(() -> {
            holding.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return 0;
        }));
        await().atMost(Duration.ofSeconds(20)).until(() -> holding.getCount() == 0);
        return release;
    }

    /** The writer and what it writes with, on one database; the relay is not started (its hand-off is read). */
    private final class Fixture {

        final JdbcClient jdbc;
        final DossierStore store;
        final DossierTrail trail;
        final OutboxRelay relay;
        final Outbox outbox;
        final IntakeWriter writer;
        final TransactionTemplate tx;
        final JdbcTransactionManager transactions;
        final OffsetDateTime at = DossierTrail.now();

        Fixture(DataSource db) {
            JdbcTemplate template = new JdbcTemplate(db);
            jdbc = JdbcClient.create(template);
            transactions = new JdbcTransactionManager(db);
            tx = new TransactionTemplate(transactions);
            store = new DossierStore(jdbc, template);
            trail = new DossierTrail(jdbc, template);
            relay = new OutboxRelay(jdbc, null, properties(), tx);
            outbox = new Outbox(jdbc, template, relay);
            jdbc.sql("DELETE FROM outbox_message").update(); // PostgreSQL is shared by the tests: only this test's
            writer = new IntakeWriter(store, trail, outbox, List.of());
        }

        IntakeSubmission submission(String ref, String key, String suppliedCode) {
            Dossier accepted = json.parse(Dossiers.citizen(ref), Dossier.class)
                    .acceptedAs(suppliedCode, CALLER, at, 1);
            Dossier asSubmitted = json.parse(Dossiers.citizen(ref), Dossier.class);
            return new IntakeSubmission(CALLER, key, json.hash(asSubmitted), CALLER, ref, suppliedCode,
                    "H15.50.05.13-" + at.atZoneSameInstant(DossierTrail.ZONE)
                            .format(java.time.format.DateTimeFormatter.ofPattern("yyMMdd")) + "-",
                    at, CodedPayload.of(json, accepted),
                    List.of(new IntakeSubmission.Entry(TrailKind.RECEIVED, CALLER, "received"),
                            new IntakeSubmission.Entry(TrailKind.ROUTED, CALLER, "routed")),
                    List.of("delivery"), List.of("sync"));
        }

        List<Outcome<IntakeReceipt>> write(List<IntakeSubmission> batch) {
            return tx.execute(status -> writer.write(batch));
        }

        GroupCommit groupCommit() {
            var properties = new HubProperties(null, null, null, new HubProperties.Intake(DataSize.ofMegabytes(1), 1,
                    256), null, null, null, null, null, null);
            GroupCommit commits = new GroupCommit(transactions, properties, new SimpleMeterRegistry());
            commits.start();
            return commits;
        }

        long count(String from) {
            return jdbc.sql("SELECT COUNT(*) FROM " + from).query(Long.class).single();
        }

        int storedMessages() {
            return (int) count("outbox_message");
        }

        int handedToTheRelay() {
            return relay.waiting();
        }

        private HubProperties properties() {
            return new HubProperties(null, null, null, null, null,
                    new HubProperties.Outbox(Duration.ofSeconds(30), Duration.ofSeconds(30)), null, null, null, null);
        }
    }
}
