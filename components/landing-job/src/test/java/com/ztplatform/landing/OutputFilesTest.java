package com.ztplatform.landing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.spark.TaskContext;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.ztplatform.landing.contract.JobConfigParser;

/**
 * The output files are described (rows, SHA-256) by the executors: a landing root on a recording file system shows
 * which thread opened each written file. Local Spark: an integration test (failsafe), see TestSpark.SPARK.
 */
@Tag(TestSpark.SPARK)
class OutputFilesTest {

    /** The local file system, recording who opens which file: a task, or the driver (no task context). */
    public static final class RecordingFileSystem extends LocalFileSystem {
        static final List<String> DRIVER_OPENS = Collections.synchronizedList(new ArrayList<>());
        static final List<String> TASK_OPENS = Collections.synchronizedList(new ArrayList<>());

        @Override
        public FSDataInputStream open(org.apache.hadoop.fs.Path f, int bufferSize) throws IOException {
            (TaskContext.get() == null ? DRIVER_OPENS : TASK_OPENS).add(f.toUri().getPath());
            return super.open(f, bufferSize);
        }
    }

    static SparkSession spark;

    @TempDir
    Path landing;

    @BeforeEach
    void recordingFileSystem() {
        spark = TestSpark.get();
        var conf = spark.sparkContext().hadoopConfiguration();
        // Uncached, so this test's file: instances (driver and tasks) are recording ones; the others keep theirs.
        conf.set("fs.file.impl", RecordingFileSystem.class.getName());
        conf.setBoolean("fs.file.impl.disable.cache", true);
        RecordingFileSystem.DRIVER_OPENS.clear();
        RecordingFileSystem.TASK_OPENS.clear();
    }

    @AfterEach
    void forget() {
        spark.sparkContext().hadoopConfiguration().unset("fs.file.impl");
        spark.sparkContext().hadoopConfiguration().unset("fs.file.impl.disable.cache");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theDriverNeverReadsTheWrittenFilesAndTheManifestStillHoldsTheirTrueHashes() throws Exception {
        // Four partitions: four Parquet files, described by tasks.
        Path source = landing.resolve("source");
        spark.sql("SELECT id, concat('row-', id) AS name FROM range(0, 400)").repartition(4).write()
                .parquet(source.toUri().toString());
        String config = MirrorTest.config("[{ \"path\": \"" + source.toUri() + "\", \"format\": \"parquet\", \"dest\": \"rows\" }]");
        Path root = landing.resolve("root");
        Files.createDirectories(root);
        var log = new JobLog(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), new Redactor(),
                Clock.systemUTC());

        // One read partition per source file (an open cost as large as a split), so the copy writes four files too.
        spark.conf().set("spark.sql.files.openCostInBytes", String.valueOf(128L * 1024 * 1024));
        Mirror.RunResult result;
        try {
            result = new Mirror(spark, MirrorTest.SECRETS, log, Clock.systemUTC()).run(JobConfigParser.parse(config),
                    Mirror.RunOptions.defaults().withLandingRoot(root.toUri().toString()));
        } finally {
            spark.conf().unset("spark.sql.files.openCostInBytes");
        }

        assertThat(result.status()).isEqualTo("SUCCEEDED");
        var entry = ((List<Map<String, Object>>) result.manifest().get("sources")).get(0);
        var output = (Map<String, Object>) entry.get("output");
        var files = (List<Map<String, Object>>) output.get("files");
        assertThat(files).hasSize(4);
        Path dir = root.resolve("rows").resolve((String) output.get("folder"));
        long rows = 0;
        for (Map<String, Object> f : files) {
            byte[] bytes = Files.readAllBytes(dir.resolve((String) f.get("path")));
            assertThat(f.get("size")).isEqualTo((long) bytes.length);
            assertThat(f.get("sha256")).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
            rows += (Long) f.get("rows");
        }
        assertThat(rows).isEqualTo(400L).isEqualTo(((Number) entry.get("rowsWritten")).longValue());

        // Every written Parquet file was opened by a task (footer and hash), none by the driver (which does open the
        // source's files to plan the read, and the landing's manifests).
        String written = dir.toUri().getPath();
        List<String> driverData = RecordingFileSystem.DRIVER_OPENS.stream()
                .filter(p -> p.startsWith(written) && p.endsWith(".parquet")).toList();
        assertThat(driverData).as("written files the driver opened").isEmpty();
        assertThat(RecordingFileSystem.TASK_OPENS.stream().filter(p -> p.startsWith(written) && p.endsWith(".parquet"))
                .distinct().count()).isEqualTo(4);
    }

    @Test
    void aConfigurationSurvivesTheTripToAnExecutor() throws Exception {
        var conf = new org.apache.hadoop.conf.Configuration(false);
        conf.set("fs.azure.account.auth.type.onelake.dfs.fabric.microsoft.com", "OAuth");
        var bytes = new ByteArrayOutputStream();
        try (var out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(new OutputFiles.SerializableConf(conf));
        }
        try (var in = new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            var back = ((OutputFiles.SerializableConf) in.readObject()).get();
            assertThat(back.get("fs.azure.account.auth.type.onelake.dfs.fabric.microsoft.com")).isEqualTo("OAuth");
        }
    }
}
