package com.ztplatform.landing;

import com.ztplatform.landing.contract.LandingUris;
import com.ztplatform.landing.contract.Json;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End-to-end runs of {@link Mirror} on local Spark with a local {@code file:} landing root standing in for abfss.
 * Local Spark: an integration test (failsafe), see TestSpark.SPARK.
 */
@Tag(TestSpark.SPARK)
class MirrorTest {

    static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    static final String CLIENT = "0a1b2c3d-1111-2222-3333-444455556666";
    static final String SECRET = "Sup3r~Secret.Value_9f8e7d";
    static final SecretSource SECRETS = SecretSource.of("zt-landing",
            Map.of("sp-tenant-id", TENANT, "sp-client-id", CLIENT, "sp-client-secret", SECRET));

    @TempDir
    static Path data;

    static SparkSession spark;
    static String eventsDelta;
    static String customersParquet;
    static String pricesCsv;

    @TempDir
    Path landing;

    ByteArrayOutputStream logBytes;
    JobLog log;

    @BeforeAll
    static void createSources() throws IOException {
        spark = TestSpark.get();
        // Unity Catalog stand-in: a three-part name in the session catalog; CREATE = v0, two INSERTs = v1, v2.
        spark.sql("DROP TABLE IF EXISTS spark_catalog.default.orders");
        spark.sql("CREATE TABLE spark_catalog.default.orders (id BIGINT, item STRING, qty INT) USING delta");
        spark.sql("INSERT INTO spark_catalog.default.orders VALUES (1, 'apple', 3), (2, 'pear', 1), (3, 'fig', 7)");
        spark.sql("INSERT INTO spark_catalog.default.orders VALUES (4, 'kiwi', 2), (5, 'plum', 4)");

        eventsDelta = data.resolve("events_delta").toUri().toString();
        spark.sql("SELECT id, concat('event-', id) AS name FROM range(0, 4)").write().format("delta").save(eventsDelta);
        spark.sql("SELECT id, concat('event-', id) AS name FROM range(4, 6)").write().format("delta")
                .mode(SaveMode.Append).save(eventsDelta);

        customersParquet = data.resolve("customers_parquet").toUri().toString();
        spark.sql("SELECT id, concat('customer-', id) AS name, id * 1.5 AS score FROM range(0, 4)")
                .write().parquet(customersParquet);

        Path csv = data.resolve("prices.csv");
        Files.writeString(csv, "sku;price;currency\nA-1;9.99;EUR\nB-2;19.50;EUR\nC-3;5.00;USD\n", StandardCharsets.UTF_8);
        pricesCsv = csv.toUri().toString();
    }

    @BeforeEach
    void logCapture() {
        logBytes = new ByteArrayOutputStream();
        log = new JobLog(new PrintStream(logBytes, true, StandardCharsets.UTF_8), new Redactor(), Clock.systemUTC());
    }

    static String config(String sourcesJson) {
        return """
                {
                  "mode": "direct",
                  "target": { "workspace": "zt-landing", "lakehouse": "mirror" },
                  "auth": { "identity": "servicePrincipal", "secretScope": "zt-landing",
                            "tenantIdKey": "sp-tenant-id", "clientIdKey": "sp-client-id", "clientSecretKey": "sp-client-secret" },
                  "sources": %s
                }""".formatted(sourcesJson);
    }

    static String allSources() {
        return """
                [
                  { "table": "spark_catalog.default.orders", "dest": "orders" },
                  { "path": "%s", "format": "delta", "dest": "events" },
                  { "path": "%s", "format": "parquet", "dest": "customers" },
                  { "path": "%s", "format": "csv", "header": true, "delimiter": ";", "dest": "prices" }
                ]""".formatted(eventsDelta, customersParquet, pricesCsv);
    }

    Mirror mirror() {
        return new Mirror(spark, SECRETS, log, Clock.systemUTC());
    }

    Mirror.RunOptions into(Path root) {
        return Mirror.RunOptions.defaults().withLandingRoot(root.toUri().toString());
    }

    static void assertSameRows(Dataset<Row> expected, Dataset<Row> actual) {
        assertThat(actual.count()).isEqualTo(expected.count());
        assertThat(expected.exceptAll(actual).count()).isZero();
        assertThat(actual.exceptAll(expected).count()).isZero();
    }

    static org.apache.hadoop.conf.Configuration conf() {
        return spark.sparkContext().hadoopConfiguration();
    }

    /** Where the current commit says {@code dest} is: the only way a reader may find the data. */
    static String output(String root, String dest) throws IOException {
        return outputOf(LandingLog.latest(root, conf()).orElseThrow().manifest(), dest);
    }

    @SuppressWarnings("unchecked")
    static String outputOf(Map<String, Object> manifest, String dest) {
        return ((List<Map<String, Object>>) manifest.get("sources")).stream().filter(s -> dest.equals(s.get("dest")))
                .map(s -> (String) ((Map<String, Object>) s.get("output")).get("uri")).findFirst().orElseThrow();
    }

    static Path localDir(String uri) {
        return Path.of(java.net.URI.create(uri));
    }

    @Test
    @SuppressWarnings("unchecked")
    void copiesDeltaTableDeltaPathParquetAndCsvAndWritesTheManifestLast() throws Exception {
        Mirror.RunResult r = mirror().run(JobConfigParser.parse(config(allSources())), into(landing));

        assertThat(r.skipped()).isFalse();
        assertThat(r.status()).isEqualTo("SUCCEEDED");
        assertThat(r.runId()).matches("snap-[0-9a-f]{20}");
        String root = landing.toUri().toString();

        // data equality, read back from the landed Parquet, found the way readers find it: through the commit log
        assertSameRows(spark.table("spark_catalog.default.orders"), spark.read().parquet(output(root, "orders")));
        assertSameRows(spark.read().format("delta").load(eventsDelta), spark.read().parquet(output(root, "events")));
        assertSameRows(spark.read().parquet(customersParquet), spark.read().parquet(output(root, "customers")));
        Dataset<Row> prices = spark.read().parquet(output(root, "prices"));
        assertThat(prices.columns()).containsExactly("sku", "price", "currency");
        assertSameRows(spark.read().option("header", "true").option("sep", ";").csv(pricesCsv), prices);

        // the manifest is commit 0 of the log
        Path manifestFile = landing.resolve("_manifests").resolve("_log").resolve("00000000000000000000.json");
        assertThat(r.manifestUri()).endsWith("_manifests/_log/00000000000000000000.json");
        String text = Files.readString(manifestFile);
        Map<String, Object> m = Json.parseObject(text);
        assertThat(m).containsEntry("runId", r.runId()).containsEntry("runIdSource", "derived")
                .containsEntry("status", "SUCCEEDED").containsEntry("mode", "direct")
                .containsEntry("targetUri", "abfss://zt-landing@onelake.dfs.fabric.microsoft.com/mirror.Lakehouse/Files/LandingZone");
        Instant started = Instant.parse((String) m.get("startedAt"));
        Instant ended = Instant.parse((String) m.get("endedAt"));
        assertThat(ended).isAfterOrEqualTo(started);
        assertThat((String) m.get("sourceFingerprint")).startsWith("sha256:");

        List<Map<String, Object>> sources = (List<Map<String, Object>>) m.get("sources");
        assertThat(sources).extracting(s -> s.get("dest")).containsExactly("orders", "events", "customers", "prices");
        assertThat(sources).allSatisfy(s -> {
            assertThat(s.get("status")).isEqualTo("SUCCEEDED");
            assertThat(s.get("rowsRead")).isEqualTo(s.get("rowsWritten"));
            Instant.parse((String) s.get("startedAt"));
            Instant.parse((String) s.get("endedAt"));
        });
        Map<String, Object> orders = sources.get(0);
        assertThat(orders).containsEntry("source", "spark_catalog.default.orders").containsEntry("format", "delta")
                .containsEntry("rowsRead", 5L).containsEntry("rowsWritten", 5L);
        assertThat((Map<String, Object>) orders.get("snapshot")).containsEntry("deltaVersion", 2L);
        assertThat((Map<String, Object>) sources.get(1).get("snapshot")).containsEntry("deltaVersion", 1L);
        assertThat(sources.get(1)).containsEntry("rowsWritten", 6L);
        assertThat(sources.get(2)).containsEntry("rowsWritten", 4L);
        assertThat(sources.get(3)).containsEntry("rowsWritten", 3L)
                // every read option is recorded, given or default
                .containsEntry("options", Map.of("header", true, "delimiter", ";", "quote", "\"", "escape", "\\",
                        "multiLine", false));

        // file sources list their input files with sizes and modification times
        List<Map<String, Object>> csvInputs = (List<Map<String, Object>>) ((Map<String, Object>) sources.get(3)
                .get("snapshot")).get("files");
        assertThat(csvInputs).hasSize(1);
        assertThat(csvInputs.get(0).get("size")).isEqualTo(Files.size(localDir(pricesCsv)));
        Instant.parse((String) csvInputs.get(0).get("modificationTime"));
        List<Map<String, Object>> parquetInputs = (List<Map<String, Object>>) ((Map<String, Object>) sources.get(2)
                .get("snapshot")).get("files");
        assertThat(parquetInputs).isNotEmpty().allSatisfy(f -> assertThat((String) f.get("path")).endsWith(".parquet"));

        // every output file: size and SHA-256 recomputed here
        for (Map<String, Object> s : sources) {
            Map<String, Object> out = (Map<String, Object>) s.get("output");
            Path dir = landing.resolve((String) s.get("dest")).resolve((String) out.get("folder"));
            assertThat(root).endsWith("/");
            assertThat((String) out.get("folder")).matches("run=" + r.runId() + "_[0-9a-f]{8}");
            assertThat((String) out.get("uri")).isEqualTo(root + s.get("dest") + "/" + out.get("folder"));
            assertThat((List<String>) s.get("filesRead")).isNotEmpty();
            List<Map<String, Object>> files = (List<Map<String, Object>>) out.get("files");
            assertThat(files).isNotEmpty();
            try (Stream<Path> listed = Files.list(dir)) {
                assertThat(listed.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".parquet")))
                        .containsExactlyInAnyOrderElementsOf(files.stream().map(f -> (String) f.get("path")).toList());
            }
            long rows = 0;
            for (Map<String, Object> f : files) {
                byte[] bytes = Files.readAllBytes(dir.resolve((String) f.get("path")));
                assertThat(f.get("size")).isEqualTo((long) bytes.length);
                assertThat(f.get("sha256")).isEqualTo(
                        HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
                rows += (Long) f.get("rows");
            }
            assertThat(rows).isEqualTo(s.get("rowsWritten"));
        }

        // no secret value anywhere: manifest, job log
        String logText = logBytes.toString(StandardCharsets.UTF_8);
        for (String secret : List.of(SECRET, TENANT, CLIENT)) {
            assertThat(text).doesNotContain(secret);
            assertThat(logText).doesNotContain(secret);
        }
        assertThat(text).contains("\"secretScope\": \"zt-landing\"");
        assertThat(logText).contains("landed spark_catalog.default.orders").doesNotContain("observation unavailable");
    }

    @Test
    void rerunOfUnchangedSourcesIsANoOpAndAForcedRerunPublishesOneNewCopyNotAPile() throws Exception {
        String cfg = config("""
                [ { "table": "spark_catalog.default.orders", "dest": "orders" },
                  { "path": "%s", "format": "csv", "delimiter": ";", "dest": "prices" } ]""".formatted(pricesCsv));
        String root = landing.toUri().toString();
        Mirror.RunResult first = mirror().run(JobConfigParser.parse(cfg), into(landing));
        String firstOrders = output(root, "orders");
        List<String> filesBefore = listing(localDir(firstOrders));

        // every scheduled run has a new run id ({{job.run_id}}): unchanged sources are still skipped
        Mirror.RunResult second = mirror().run(JobConfigParser.parse(cfg), into(landing).withRunId("845123987650"));
        assertThat(second.skipped()).isTrue();
        assertThat(second.runId()).isEqualTo(first.runId());
        assertThat(listing(localDir(firstOrders))).isEqualTo(filesBefore);
        assertThat(LandingLog.versions(root, conf())).containsExactly(0L);
        assertThat(logBytes.toString(StandardCharsets.UTF_8)).contains("nothing to do");

        // forced: a new attempt folder and a new commit; the reader still sees exactly one copy
        Mirror.RunResult forced = mirror().run(JobConfigParser.parse(cfg), into(landing).withRunId("845123987651")
                .withForce(true));
        assertThat(forced.skipped()).isFalse();
        assertThat(LandingLog.versions(root, conf())).containsExactly(0L, 1L);
        String current = output(root, "orders");
        assertThat(current).isNotEqualTo(firstOrders).contains("run=845123987651_");
        assertThat(spark.read().parquet(current).count()).isEqualTo(5);
        // the previous commit's folder stays for readers that started on it, until retention removes it
        assertThat(Files.isDirectory(localDir(firstOrders))).isTrue();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aNewDeltaVersionGivesANewRunAndKeepsThePreviousOne() throws Exception {
        String table = data.resolve("versioned_" + System.nanoTime()).toUri().toString();
        spark.sql("SELECT id FROM range(0, 3)").write().format("delta").save(table);
        String cfg = config("[ { \"path\": \"" + table + "\", \"format\": \"delta\", \"dest\": \"versioned\" } ]");

        Mirror.RunResult v0 = mirror().run(JobConfigParser.parse(cfg), into(landing));
        spark.sql("SELECT id FROM range(3, 5)").write().format("delta").mode(SaveMode.Append).save(table);
        Mirror.RunResult v1 = mirror().run(JobConfigParser.parse(cfg), into(landing));

        assertThat(v1.runId()).isNotEqualTo(v0.runId());
        assertThat(v1.skipped()).isFalse();
        String root = landing.toUri().toString();
        assertThat(spark.read().parquet(outputOf(v0.manifest(), "versioned")).count()).isEqualTo(3);
        assertThat(spark.read().parquet(output(root, "versioned")).count()).isEqualTo(5);
        Map<String, Object> src = ((List<Map<String, Object>>) v1.manifest().get("sources")).get(0);
        assertThat((Map<String, Object>) src.get("snapshot")).containsEntry("deltaVersion", 1L);
    }

    @Test
    void aMissingSourceFailsWithSourceNotFoundNamingIt() {
        String missingPath = data.resolve("no-such-folder").toUri().toString();
        String cfg = config("""
                [ { "table": "spark_catalog.default.orders", "dest": "orders" },
                  { "table": "spark_catalog.default.no_such_table", "dest": "ghost" },
                  { "path": "%s", "format": "parquet", "dest": "nothing" } ]""".formatted(missingPath));

        assertThatThrownBy(() -> mirror().run(JobConfigParser.parse(cfg), into(landing)))
                .isInstanceOf(MirrorException.class)
                .hasMessageContaining("2 of 3 sources")
                .hasMessageContaining("source not found: spark_catalog.default.no_such_table")
                .hasMessageContaining("source not found: " + missingPath)
                .hasMessageContaining("no data was written")
                .satisfies(e -> assertThat(((MirrorException) e).category())
                        .isEqualTo(FailureClassifier.Category.SOURCE_NOT_FOUND));
        assertThat(landing.resolve("orders")).doesNotExist();
    }

    @Test
    void anUnwritableTargetFailsNamingTheTarget() throws Exception {
        Path notADirectory = Files.writeString(landing.resolve("landing-is-a-file"), "x");
        String cfg = config("[ { \"table\": \"spark_catalog.default.orders\", \"dest\": \"orders\" } ]");

        assertThatThrownBy(() -> mirror().run(JobConfigParser.parse(cfg), into(notADirectory)))
                .isInstanceOf(MirrorException.class)
                .hasMessageContaining("target not writable: " + LandingUris.trimRoot(notADirectory.toUri().toString()))
                .satisfies(e -> assertThat(((MirrorException) e).category())
                        .isEqualTo(FailureClassifier.Category.TARGET_NOT_WRITABLE));
    }

    @Test
    void aMissingSecretFailsBeforeAnythingIsReadNamingScopeAndKey() {
        SecretSource partial = SecretSource.of("zt-landing", Map.of("sp-tenant-id", TENANT, "sp-client-id", CLIENT));
        String cfg = config("[ { \"table\": \"spark_catalog.default.orders\", \"dest\": \"orders\" } ]");

        assertThatThrownBy(() -> new Mirror(spark, partial, log, Clock.systemUTC())
                .run(JobConfigParser.parse(cfg), into(landing)))
                .isInstanceOf(MirrorException.class)
                .hasMessageContaining("sp-client-secret").hasMessageContaining("zt-landing")
                .hasMessageNotContaining(TENANT).hasMessageNotContaining(CLIENT)
                .satisfies(e -> assertThat(((MirrorException) e).category()).isEqualTo(FailureClassifier.Category.SECRETS));
        assertThat(landing.resolve("_manifests")).doesNotExist();
    }

    @Test
    void appliesTheOAuthSettingsForTheTargetHostToSparkAndHadoop() {
        String cfg = config("[ { \"table\": \"spark_catalog.default.orders\", \"dest\": \"orders\" } ]");
        mirror().run(JobConfigParser.parse(cfg), into(landing));
        String host = LandingUris.ONELAKE_HOST;
        assertThat(spark.conf().get("fs.azure.account.oauth.provider.type." + host))
                .isEqualTo(AbfsAuthConfig.CLIENT_CREDS_PROVIDER);
        assertThat(spark.sparkContext().hadoopConfiguration().get("fs.azure.account.oauth2.client.endpoint." + host))
                .isEqualTo("https://login.microsoftonline.com/" + TENANT + "/oauth2/token");
    }

    private static List<String> listing(Path dir) throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.sorted().forEach(p -> {
                try {
                    out.add(p.getFileName() + ":" + Files.size(p) + ":" + Files.getLastModifiedTime(p).toMillis());
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        return out;
    }

    @Test
    void aSchemaChangeBetweenFilesOfOneSourceFailsNamingTheFilesAndColumns() throws IOException {
        Path folder = data.resolve("drift_parquet");
        spark.sql("SELECT id, concat('n-', id) AS name FROM range(0, 2)").coalesce(1).write().parquet(folder.resolve("a").toString());
        spark.sql("SELECT id, 7 AS extra FROM range(2, 4)").coalesce(1).write().parquet(folder.resolve("b").toString());
        String path = folder.toUri().toString();
        var strict = JobConfigParser.parse(config("[{ \"path\": \"%s\", \"format\": \"parquet\", \"dest\": \"drift\" }]"
                .formatted(path)));
        assertThatThrownBy(() -> mirror().run(strict, into(landing)))
                .hasStackTraceContaining("source " + path + ": the schema changes between its files")
                .hasStackTraceContaining("missing column 'name' (binary(STRING))")
                .hasStackTraceContaining("extra column 'extra' (int32)")
                .hasStackTraceContaining("set mergeSchema: true");

        Path csvFolder = data.resolve("drift_csv");
        Files.createDirectories(csvFolder);
        Files.writeString(csvFolder.resolve("1.csv"), "sku,price\nA,1\n", StandardCharsets.UTF_8);
        Files.writeString(csvFolder.resolve("2.csv"), "price,sku\n2,B\n", StandardCharsets.UTF_8);
        String csvPath = csvFolder.toUri().toString();
        var csv = JobConfigParser.parse(config("[{ \"path\": \"%s\", \"format\": \"csv\", \"dest\": \"driftcsv\" }]"
                .formatted(csvPath)));
        assertThatThrownBy(() -> mirror().run(csv, into(landing)))
                .hasStackTraceContaining("2.csv: columns in another order [price, sku]");
    }

    @Test
    void mergeSchemaIsExplicitAndAcceptsAddedColumns() throws IOException {
        Path folder = data.resolve("merge_parquet");
        spark.sql("SELECT id FROM range(0, 2)").coalesce(1).write().parquet(folder.resolve("a").toString());
        spark.sql("SELECT id, 7 AS extra FROM range(2, 4)").coalesce(1).write().parquet(folder.resolve("b").toString());
        var merged = JobConfigParser.parse(config(("[{ \"path\": \"%s\", \"format\": \"parquet\", \"mergeSchema\": true,"
                + " \"dest\": \"merged\" }]").formatted(folder.toUri())));
        Mirror.RunResult r = mirror().run(merged, into(landing));
        assertThat(r.status()).isEqualTo("SUCCEEDED");
        Dataset<Row> landed = spark.read().parquet(output(landing.toUri().toString(), "merged"));
        assertThat(landed.columns()).containsExactlyInAnyOrder("id", "extra");
        assertThat(landed.count()).isEqualTo(4);
    }
}
