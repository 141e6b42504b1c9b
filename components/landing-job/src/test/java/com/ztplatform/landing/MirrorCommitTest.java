package com.ztplatform.landing;

import com.ztplatform.landing.contract.JobConfig;
import com.ztplatform.landing.contract.JobConfigParser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commit protocol: a run becomes visible only through one atomic commit in the log, whatever step it dies at,
 * and two runs racing for the same commit both end up committed, one after the other, neither clobbering the other.
 */
/** Local Spark: an integration test (failsafe), see TestSpark.SPARK. */
@Tag(TestSpark.SPARK)
class MirrorCommitTest {

    /** A crash: an Error, so no catch (Exception) in the job can tidy up after it, as after a killed driver. */
    static final class Crash extends Error {
        Crash(String step) {
            super("injected crash after " + step);
        }
    }

    static SparkSession spark;

    @TempDir
    Path tmp;

    @BeforeAll
    static void spark() {
        spark = TestSpark.get();
        spark.sql("DROP TABLE IF EXISTS spark_catalog.default.stable_orders");
        spark.sql("CREATE TABLE spark_catalog.default.stable_orders (id BIGINT, item STRING) USING delta");
        spark.sql("INSERT INTO spark_catalog.default.stable_orders VALUES (1, 'apple'), (2, 'pear')");
    }

    static Configuration conf() {
        return spark.sparkContext().hadoopConfiguration();
    }

    static Mirror mirror(Clock clock, Consumer<String> steps) {
        JobLog log = new JobLog(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new Redactor(), Clock.systemUTC());
        return new Mirror(spark, MirrorTest.SECRETS, log, clock).withSteps(steps);
    }

    static JobConfig config(String changing) {
        return JobConfigParser.parse(MirrorTest.config("""
                [ { "table": "spark_catalog.default.stable_orders", "dest": "orders" },
                  { "path": "%s", "format": "delta", "dest": "events" } ]""".formatted(changing)));
    }

    static void append(String delta, int from, int to) {
        spark.sql("SELECT id FROM range(" + from + ", " + to + ")").write().format("delta").mode(SaveMode.Append)
                .save(delta);
    }

    /** One commit (events at 2 rows, orders at 2), then events grows to 4 rows. */
    record Prepared(String root, String delta, Map<String, Object> first) {
    }

    Prepared prepare(String name) {
        String delta = tmp.resolve(name + "-src").toUri().toString();
        String root = tmp.resolve(name + "-landing").toUri().toString();
        append(delta, 0, 2);
        Mirror.RunResult first = mirror(Clock.systemUTC(), s -> { })
                .run(config(delta), options(root).withRunId("r0"));
        append(delta, 2, 4);
        return new Prepared(root, delta, first.manifest());
    }

    /** Retention keeps only the current commit, so one run exercises every delete. */
    static Mirror.RunOptions options(String root) {
        return Mirror.RunOptions.defaults().withLandingRoot(root).withRetainedCommits(1);
    }

    /** Attempt folders carry a random suffix: steps are compared without it. */
    static String step(String s) {
        return s.replaceAll("_[0-9a-f]{8}", "_*");
    }

    /** Two days on: every unreferenced folder is past the retention grace. */
    static Clock later() {
        return Clock.offset(Clock.systemUTC(), LandingLog.DEFAULT_GRACE.plus(Duration.ofDays(1)));
    }

    /** What a reader sees: the latest commit, every file it lists intact, and the rows it promises. */
    @SuppressWarnings("unchecked")
    static LandingLog.Commit assertReaderSeesACompleteCommit(String root) throws Exception {
        LandingLog.Commit c = LandingLog.latest(root, conf()).orElseThrow();
        assertThat(c.manifest()).containsEntry("status", "SUCCEEDED");
        for (Map<String, Object> s : (List<Map<String, Object>>) c.manifest().get("sources")) {
            Map<String, Object> out = (Map<String, Object>) s.get("output");
            Path dir = MirrorTest.localDir((String) out.get("uri"));
            List<Map<String, Object>> files = (List<Map<String, Object>>) out.get("files");
            assertThat(files).isNotEmpty();
            for (Map<String, Object> f : files) {
                byte[] bytes = Files.readAllBytes(dir.resolve((String) f.get("path")));
                assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)))
                        .isEqualTo(f.get("sha256"));
            }
            assertThat(spark.read().parquet((String) out.get("uri")).count()).isEqualTo(s.get("rowsWritten"));
        }
        return c;
    }

    @Test
    void aCrashAfterAnyWriteRenameOrDeleteLeavesTheLastCommitIntactAndTheNextRunCompletes() throws Exception {
        // The steps of an undisturbed fourth run, retention included.
        Prepared base = prepare("base");
        List<String> steps = new ArrayList<>();
        mirror(later(), s -> steps.add(step(s))).run(config(base.delta()), options(base.root()).withRunId("r1"));
        assertThat(steps).contains("write:events", "commit:write-pending", "commit:rename", "retain:delete-commit 0")
                .contains("retain:delete events/run=r0_*")
                .noneSatisfy(s -> assertThat(s).startsWith("write:orders")); // unchanged: reused, not copied
        // retention removed commit 0 and the events folder only it referenced; orders' reused folder stays
        assertThat(LandingLog.versions(base.root(), conf())).containsExactly(1L);
        assertThat(Files.exists(MirrorTest.localDir(MirrorTest.outputOf(base.first(), "events")))).isFalse();
        assertThat(Files.exists(MirrorTest.localDir(MirrorTest.outputOf(base.first(), "orders")))).isTrue();
        assertReaderSeesACompleteCommit(base.root());

        for (int k = 0; k < steps.size(); k++) {
            String crashAt = steps.get(k);
            Prepared p = prepare("crash" + k);
            assertThatThrownBy(() -> mirror(later(), s -> {
                if (step(s).equals(crashAt)) {
                    throw new Crash(s);
                }
            }).run(config(p.delta()), options(p.root()).withRunId("r1")))
                    .as(crashAt).isInstanceOf(Crash.class);

            LandingLog.Commit seen = assertReaderSeesACompleteCommit(p.root());
            // before the commit's rename the old landing (2 rows) is current; from the rename on, the new one (4)
            long events = spark.read().parquet(MirrorTest.outputOf(seen.manifest(), "events")).count();
            assertThat(events).as(crashAt).isEqualTo(steps.indexOf("commit:rename") <= k ? 4L : 2L);

            // the next run finishes the job, whatever state the crash left
            mirror(later(), s -> { }).run(config(p.delta()), options(p.root()).withRunId("r2"));
            LandingLog.Commit after = assertReaderSeesACompleteCommit(p.root());
            assertThat(spark.read().parquet(MirrorTest.outputOf(after.manifest(), "events")).count()).as(crashAt)
                    .isEqualTo(4L);
        }
    }

    @Test
    void twoConcurrentRunsRacingForTheSameCommitBothCommitInTurnWithoutSharingAFolder() throws Exception {
        String delta = tmp.resolve("race-src").toUri().toString();
        String root = tmp.resolve("race-landing").toUri().toString();
        append(delta, 0, 3);
        // Both runs hold their complete pending commit before either renames it: they race for version 0.
        CyclicBarrier bothPending = new CyclicBarrier(2);
        Consumer<String> rendezvous = s -> {
            if (s.equals("commit:write-pending")) {
                try {
                    bothPending.await(120, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Mirror.RunResult>> runs = new ArrayList<>();
            for (String id : List.of("a", "b")) {
                runs.add(pool.submit(() -> mirror(Clock.systemUTC(), rendezvous).run(config(delta),
                        Mirror.RunOptions.defaults().withLandingRoot(root).withRunId(id))));
            }
            Mirror.RunResult a = runs.get(0).get(5, TimeUnit.MINUTES);
            Mirror.RunResult b = runs.get(1).get(5, TimeUnit.MINUTES);
            assertThat(List.of(a.manifestUri(), b.manifestUri())).containsExactlyInAnyOrder(
                    LandingLog.versionUri(root, 0), LandingLog.versionUri(root, 1));
            assertThat(LandingLog.versions(root, conf())).containsExactly(0L, 1L);
            assertThat(MirrorTest.outputOf(a.manifest(), "events")).isNotEqualTo(MirrorTest.outputOf(b.manifest(), "events"));
            // each commit's own data is intact, the loser's too
            for (Mirror.RunResult r : List.of(a, b)) {
                assertThat(spark.read().parquet(MirrorTest.outputOf(r.manifest(), "events")).count()).isEqualTo(3L);
                assertThat(spark.read().parquet(MirrorTest.outputOf(r.manifest(), "orders")).count()).isEqualTo(2L);
            }
            assertReaderSeesACompleteCommit(root);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFileSourceThatChangesDuringTheCopyFailsAndCommitsNothing() throws Exception {
        Path csv = tmp.resolve("moving.csv");
        Files.writeString(csv, "a,b\n1,2\n", StandardCharsets.UTF_8);
        String root = tmp.resolve("moving-landing").toUri().toString();
        JobConfig cfg = JobConfigParser.parse(MirrorTest.config("""
                [ { "path": "%s", "format": "csv", "dest": "moving" } ]""".formatted(csv.toUri())));
        assertThatThrownBy(() -> mirror(Clock.systemUTC(), s -> {
            if (s.equals("write:moving")) {
                try {
                    Files.writeString(csv, "a,b\n1,2\n3,4\n", StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        }).run(cfg, Mirror.RunOptions.defaults().withLandingRoot(root)))
                .isInstanceOf(MirrorException.class)
                .hasMessageContaining("changed while it was copied")
                .hasMessageContaining("nothing was committed");
        assertThat(LandingLog.latest(root, conf())).isEmpty();
        try (var failed = Files.list(MirrorTest.localDir(root + "/_manifests/_failed"))) {
            assertThat(failed.map(f -> f.getFileName().toString()).filter(n -> !n.startsWith(".")))
                    .singleElement().asString().endsWith(".json");
        }
    }

    /** Files of a job that never committed, and of failed task attempts, are never landed or recorded as read. */
    @Test
    @SuppressWarnings("unchecked")
    void fileSourcesAreReadThroughTheDbioCommitMarkers() throws Exception {
        Path src = tmp.resolve("dbio");
        Files.createDirectories(src);
        String[] names = {"part-00000-tid-111-aaaa-c000.snappy.parquet", "part-00001-tid-111-bbbb-c000.snappy.parquet",
                "part-00000-tid-222-cccc-c000.snappy.parquet", "part-00000-dddd-c000.snappy.parquet"};
        for (int i = 0; i < names.length; i++) {
            Path one = tmp.resolve("one" + i);
            spark.sql("SELECT " + (i * 10) + " + id AS id FROM range(0, 2)").coalesce(1).write().parquet(one.toUri().toString());
            try (var files = Files.list(one)) {
                Path part = files.filter(f -> f.getFileName().toString().endsWith(".parquet")).findFirst().orElseThrow();
                Files.copy(part, src.resolve(names[i]));
            }
        }
        // job 111 committed only its first file (the second is a failed task attempt); job 222 never committed;
        // the last file has no job id (a writer without markers)
        Files.writeString(src.resolve("_started_111"), "");
        Files.writeString(src.resolve("_committed_111"), "{\"added\":[\"" + names[0] + "\"],\"removed\":[]}");
        Files.writeString(src.resolve("_started_222"), "");
        String root = tmp.resolve("dbio-landing").toUri().toString();
        Mirror.RunResult r = mirror(Clock.systemUTC(), s -> { }).run(JobConfigParser.parse(MirrorTest.config("""
                [ { "path": "%s", "format": "parquet", "dest": "dbio" } ]""".formatted(src.toUri()))),
                Mirror.RunOptions.defaults().withLandingRoot(root));
        assertThat(spark.read().parquet(MirrorTest.outputOf(r.manifest(), "dbio")).select("id").as(
                org.apache.spark.sql.Encoders.LONG()).collectAsList()).containsExactlyInAnyOrder(0L, 1L, 30L, 31L);
        Map<String, Object> entry = ((List<Map<String, Object>>) r.manifest().get("sources")).get(0);
        assertThat((List<String>) entry.get("filesRead")).hasSize(2)
                .allSatisfy(f -> assertThat(f).matches(".*(" + names[0] + "|" + names[3] + ")$"));
    }

    /** OPTIMIZE commits a new Delta version with the same rows: no re-copy. A real change still lands. */
    @Test
    @SuppressWarnings("unchecked")
    void maintenanceCommitsOnADeltaSourceDoNotTriggerACopyButDataChangesDo() throws Exception {
        String delta = tmp.resolve("maint-src").toUri().toString();
        String root = tmp.resolve("maint-landing").toUri().toString();
        append(delta, 0, 2);
        append(delta, 2, 4);
        Mirror.RunResult first = mirror(Clock.systemUTC(), s -> { }).run(config(delta), options(root).withRunId("m0"));

        spark.sql("OPTIMIZE delta.`" + delta + "`");
        assertThat(spark.sql("DESCRIBE HISTORY delta.`" + delta + "` LIMIT 1").first().<String>getAs("operation"))
                .isEqualTo("OPTIMIZE");
        List<String> steps = new ArrayList<>();
        Mirror.RunResult afterOptimize = mirror(Clock.systemUTC(), steps::add).run(config(delta),
                options(root).withRunId("m1"));
        assertThat(afterOptimize.skipped()).isTrue();
        assertThat(steps).isEmpty();
        assertThat(LandingLog.versions(root, conf())).containsExactly(0L);

        append(delta, 4, 5);
        Mirror.RunResult changed = mirror(Clock.systemUTC(), s -> { }).run(config(delta), options(root).withRunId("m2"));
        assertThat(changed.skipped()).isFalse();
        assertThat(spark.read().parquet(MirrorTest.outputOf(changed.manifest(), "events")).count()).isEqualTo(5L);
        Map<String, Object> events = ((List<Map<String, Object>>) changed.manifest().get("sources")).get(1);
        assertThat((Map<String, Object>) events.get("snapshot")).containsEntry("deltaVersion", 3L)
                .containsEntry("deltaDataVersion", 3L); // v0, v1 appends, v2 OPTIMIZE, v3 append
        assertThat(first.manifest()).isNotNull();
    }
}
