package com.ztplatform.landing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ztplatform.landing.contract.ConfigException;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CodeIntegrityTest {

    /** SHA-256 of the three bytes "abc" (FIPS 180-2, appendix B.1). */
    private static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    private static final Supplier<Configuration> NO_HADOOP = () -> {
        throw new AssertionError("a local jar must not need Hadoop");
    };

    private static Path jar(Path dir, String content) throws Exception {
        return Files.writeString(dir.resolve("zt-landing-job.jar"), content, StandardCharsets.US_ASCII);
    }

    @Test
    void theJarWithThePinnedHashPasses(@TempDir Path tmp) throws Exception {
        URI at = jar(tmp, "abc").toUri();
        assertThat(CodeIntegrity.verify(Optional.of(ABC), Optional.of(at), NO_HADOOP))
                .isEqualTo("code integrity: the job jar " + at + " has the pinned SHA-256 " + ABC);
        // Surrounding blanks from a hand-edited job parameter are not a different hash.
        assertThat(CodeIntegrity.verify(Optional.of(" " + ABC + "\n"), Optional.of(at), NO_HADOOP)).contains(ABC);
    }

    @Test
    void oneChangedByteStopsTheJobNamingBothHashes(@TempDir Path tmp) throws Exception {
        URI at = jar(tmp, "abd").toUri();
        String actual = CodeIntegrity.digest(Files.newInputStream(Path.of(at)));
        assertThat(actual).isNotEqualTo(ABC).matches("[0-9a-f]{64}");
        assertThatThrownBy(() -> CodeIntegrity.verify(Optional.of(ABC), Optional.of(at), NO_HADOOP))
                .isInstanceOf(CodeIntegrityException.class)
                .hasMessageContaining("the job jar " + at + " has SHA-256 " + actual)
                .hasMessageContaining("the deployment pinned " + ABC)
                .hasMessageContaining("before reading its configuration or any secret");
    }

    @Test
    void aTruncatedUploadFails(@TempDir Path tmp) throws Exception {
        URI at = jar(tmp, "ab").toUri();
        assertThatThrownBy(() -> CodeIntegrity.verify(Optional.of(ABC), Optional.of(at), NO_HADOOP))
                .isInstanceOf(CodeIntegrityException.class).hasMessageContaining("pinned " + ABC);
    }

    @Test
    void aJarWithoutTheParameterIsRefusedAndTheMessageGivesTheHashToPin(@TempDir Path tmp) throws Exception {
        URI at = jar(tmp, "abc").toUri();
        assertThatThrownBy(() -> CodeIntegrity.verify(Optional.empty(), Optional.of(at), NO_HADOOP))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("--jar-sha256 is required: the job runs from the jar " + at)
                .hasMessageContaining("64 lowercase hex digits");
    }

    @Test
    void aMalformedHashIsAParameterErrorWithAnExample(@TempDir Path tmp) throws Exception {
        URI at = jar(tmp, "abc").toUri();
        assertThatThrownBy(() -> CodeIntegrity.verify(Optional.of(ABC.toUpperCase(java.util.Locale.ROOT)),
                Optional.of(at), NO_HADOOP))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("--jar-sha256 must be the jar's SHA-256 as 64 lowercase hex digits")
                .hasMessageContaining("sha256sum zt-landing-job.jar");
        assertThatThrownBy(() -> CodeIntegrity.verify(Optional.of("abc"), Optional.of(at), NO_HADOOP))
                .isInstanceOf(ConfigException.class).hasMessageContaining("got 'abc'");
    }

    @Test
    void anUnreadableCodeSourceFailsClosed(@TempDir Path tmp) {
        URI missing = tmp.resolve("gone.jar").toUri();
        assertThatThrownBy(() -> CodeIntegrity.verify(Optional.of(ABC), Optional.of(missing), NO_HADOOP))
                .isInstanceOf(CodeIntegrityException.class)
                .hasMessageContaining("cannot read the job jar at " + missing)
                .hasMessageContaining("does not run unverified code");
        // Without the parameter an unreadable jar is still refused: nothing runs unverified.
        assertThatThrownBy(() -> CodeIntegrity.verify(Optional.empty(), Optional.of(missing), NO_HADOOP))
                .isInstanceOf(CodeIntegrityException.class).hasMessageContaining("cannot read the job jar");
        // A nested jar (jar:file:...!/) is not a file the job can hash.
        URI nested = URI.create("jar:" + missing + "!/lib/zt-landing-job.jar");
        assertThatThrownBy(() -> CodeIntegrity.verify(Optional.of(ABC), Optional.of(nested), NO_HADOOP))
                .isInstanceOf(CodeIntegrityException.class).hasMessageContaining("not a file location");
        // A class loader that reports no code source.
        assertThatThrownBy(() -> CodeIntegrity.verify(Optional.of(ABC), Optional.empty(), NO_HADOOP))
                .isInstanceOf(CodeIntegrityException.class).hasMessageContaining("reports no code source");
        assertThatThrownBy(() -> CodeIntegrity.verify(Optional.empty(), Optional.empty(), NO_HADOOP))
                .isInstanceOf(CodeIntegrityException.class).hasMessageContaining("reports no code source");
    }

    @Test
    void classesFromADirectoryRunOnlyWithoutAPinnedHash(@TempDir Path tmp) {
        // The tests themselves: the classes come from target/classes, not from a jar.
        Optional<URI> here = CodeIntegrity.codeSource(CodeIntegrity.class);
        assertThat(here).isPresent();
        assertThat(Path.of(here.get())).isDirectory();
        assertThat(CodeIntegrity.verify(Optional.empty(), here, NO_HADOOP)).contains("no jar to verify");
        assertThatThrownBy(() -> CodeIntegrity.verify(Optional.of(ABC), Optional.of(tmp.toUri()), NO_HADOOP))
                .isInstanceOf(CodeIntegrityException.class).hasMessageContaining("not from a jar");
    }

    @Test
    void aVolumeCodeSourceIsReadThroughDbfsNotTheJvmFileApi(@TempDir Path tmp) throws Exception {
        JobArgsTest.VolumesFs.root = tmp;
        Path file = tmp.resolve("Volumes/main/ops/jars/zt-landing-job.jar");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "abc", StandardCharsets.US_ASCII);
        Configuration conf = new Configuration();
        conf.set("fs.dbfs.impl", JobArgsTest.VolumesFs.class.getName());
        conf.setBoolean("fs.dbfs.impl.disable.cache", true);
        // /Volumes does not exist on this machine: only the dbfs: route finds the file.
        URI volume = URI.create("file:/Volumes/main/ops/jars/zt-landing-job.jar");
        assertThat(CodeIntegrity.verify(Optional.of(ABC), Optional.of(volume), () -> conf)).contains(ABC);
        URI dbfs = URI.create("dbfs:/Volumes/main/ops/jars/zt-landing-job.jar");
        assertThat(CodeIntegrity.verify(Optional.of(ABC), Optional.of(dbfs), () -> conf)).contains(ABC);
    }

    @Test
    void bothJobsTakeTheParameterAndSayItInTheirUsage() {
        String[] args = {"--config", "{}", "--jar-sha256", ABC};
        assertThat(JobArgs.parse(args, Set.of("config", CodeIntegrity.PARAM, "run-id"), Set.of("force"), MirrorJob.USAGE)
                .get(CodeIntegrity.PARAM)).contains(ABC);
        assertThat(MirrorJob.USAGE).contains("--jar-sha256 <sha256 hex of the job jar>");
        assertThat(VerifyJob.USAGE).contains("--jar-sha256 <sha256 hex of the job jar>");
    }
}
