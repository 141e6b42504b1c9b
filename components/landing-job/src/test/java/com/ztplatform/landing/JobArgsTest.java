package com.ztplatform.landing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobArgsTest {

    private static final String CONFIG = "{\"mode\": \"direct\"}";

    @Test
    void jobArgsAcceptPairsAndEqualsFormAndRejectUnknownFlags(@TempDir Path tmp) throws Exception {
        JobArgs a = JobArgs.parse(new String[] {"--config", "{}", "--run-id=845", "--force"}, Set.of("config", "run-id"),
                Set.of("force"), MirrorJob.USAGE);
        assertThat(a.get("config")).contains("{}");
        assertThat(a.get("run-id")).contains("845");
        assertThat(a.flag("force")).isTrue();
        assertThatThrownBy(() -> JobArgs.parse(new String[] {"--confg", "{}"}, Set.of("config"), Set.of(), MirrorJob.USAGE))
                .hasMessageContaining("unknown parameter --confg").hasMessageContaining("--config is required")
                .hasMessageContaining("usage: MirrorJob --config");

        Path file = Files.writeString(tmp.resolve("landing.json"), CONFIG);
        assertThat(JobArgs.loadConfigText(file.toString(), new Configuration())).isEqualTo(CONFIG);
        assertThat(JobArgs.loadConfigText(file.toUri().toString(), new Configuration())).isEqualTo(CONFIG);
        assertThat(JobArgs.loadConfigText("  {\"a\":1}", new Configuration())).isEqualTo("{\"a\":1}");
        assertThatThrownBy(() -> JobArgs.loadConfigText(tmp.resolve("missing.json").toString(), new Configuration()))
                .hasMessageContaining("could not be read");
    }

    /** Stands in for Databricks' dbfs: file system: dbfs:/Volumes/... served from a local folder. */
    public static final class VolumesFs extends org.apache.hadoop.fs.RawLocalFileSystem {
        static Path root;

        @Override
        public java.net.URI getUri() {
            return java.net.URI.create("dbfs:///");
        }

        @Override
        public java.io.File pathToFile(org.apache.hadoop.fs.Path path) {
            return root.resolve(path.toUri().getPath().substring(1)).toFile();
        }
    }

    @Test
    void aVolumePathIsReadThroughHadoopNotTheJvmFileApi(@TempDir Path tmp) throws Exception {
        // On Databricks /Volumes is not readable with JVM file APIs; locally it does not exist either, so a local
        // read would fail: only the dbfs: route can find this file.
        VolumesFs.root = tmp;
        Path file = tmp.resolve("Volumes/main/ops/config/landing.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, CONFIG);
        Configuration conf = new Configuration();
        conf.set("fs.dbfs.impl", VolumesFs.class.getName());
        conf.setBoolean("fs.dbfs.impl.disable.cache", true);
        assertThat(JobArgs.volumeUri("/Volumes/main/ops/config/landing.json"))
                .isEqualTo("dbfs:/Volumes/main/ops/config/landing.json");
        assertThat(JobArgs.loadConfigText("/Volumes/main/ops/config/landing.json", conf)).isEqualTo(CONFIG);
        assertThatThrownBy(() -> JobArgs.loadConfigText("/Volumes/main/ops/config/missing.json", conf))
                .hasMessageContaining("could not be read").hasMessageContaining("READ VOLUME");
    }
}
