package com.ztplatform.landing;

import com.ztplatform.landing.contract.ConfigException;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.apache.hadoop.conf.Configuration;

/**
 * The job's first step: the jar its classes were loaded from must be the jar the deployment pinned. The stack program
 * hashes the jar it uploads and passes the SHA-256 as {@code --jar-sha256}; the job hashes the jar it runs from and
 * stops, before it reads its configuration or any secret, when the two differ.
 *
 * <p>What it catches: a wrong, partial or stale upload, and a jar replaced after deployment while the job definition
 * still holds the hash of the deployed one. What it cannot catch: someone who can both write the jar's folder and
 * edit the job definition (they change the jar and the hash together). See the landing job README.
 *
 * <p>A jar library is copied to the driver's local disk before Databricks loads it, so the code source is normally a
 * local file. The other forms are read the way the JVM can read them on Databricks: {@code /Volumes/...} through
 * Hadoop as {@code dbfs:/Volumes/...} and {@code dbfs:} (or any other Hadoop scheme) through Hadoop; JVM file APIs
 * cannot read volume or workspace paths (learn.microsoft.com/azure/databricks/files/, "Work with files on Azure
 * Databricks"). A {@code /Workspace/...} code source is tried as a local file and, when unreadable, fails closed.
 */
public final class CodeIntegrity {

    /** The job parameter (without "--") that carries the expected SHA-256. */
    public static final String PARAM = "jar-sha256";
    /** The parameter's usage text, part of each job's usage. */
    public static final String USAGE = "--" + PARAM + " <sha256 hex of the job jar>";

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    private static final String EXAMPLE = "like 3f7a...e91c (64 lowercase hex digits: sha256sum zt-landing-job.jar)";

    private CodeIntegrity() {
    }

    /**
     * Where a class was loaded from, as its class loader reports it.
     *
     * @param type a class of the job
     * @return the code source location; empty when the class loader reports none
     */
    public static Optional<URI> codeSource(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(source.getLocation().toURI());
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /**
     * Checks the jar at {@code location} against the pinned hash. The hash is required whenever the classes may come
     * from a jar; only classes loaded from a local directory (a development build, the tests) run without one.
     *
     * @param expected   the {@code --jar-sha256} value; empty when the parameter is absent
     * @param location   the code source ({@link #codeSource}); empty when unknown
     * @param hadoopConf the cluster's Hadoop configuration, asked for only for {@code dbfs:} and volume locations
     * @return a line for the job log saying what was verified (or why nothing needed to be)
     * @throws ConfigException        when the parameter is malformed, or missing while the code runs from a jar
     * @throws CodeIntegrityException when the jar cannot be read or its hash differs from the pinned one
     */
    public static String verify(Optional<String> expected, Optional<URI> location, Supplier<Configuration> hadoopConf) {
        Optional<String> pinned = expected.map(String::strip);
        if (pinned.isPresent() && !SHA256_HEX.matcher(pinned.get()).matches()) {
            throw new ConfigException(List.of("--" + PARAM + " must be the jar's SHA-256 as 64 lowercase hex digits, "
                    + EXAMPLE + ", got '" + pinned.get() + "'"));
        }
        if (location.isEmpty()) {
            throw new CodeIntegrityException("cannot verify the job jar: the class loader reports no code source, so the"
                    + " jar the job runs from is unknown" + pinned.map(h -> " (pinned SHA-256 " + h + ")").orElse(""));
        }
        URI at = location.get();
        if (isLocalDirectory(at)) {
            if (pinned.isPresent()) {
                throw new CodeIntegrityException("cannot verify the job jar: the classes are loaded from the directory "
                        + at + ", not from a jar; the pinned SHA-256 " + pinned.get() + " applies to the uploaded jar");
            }
            return "code integrity: classes loaded from the directory " + at + " (a development build), no jar to verify";
        }
        String actual = sha256(at, hadoopConf);
        if (pinned.isEmpty()) {
            throw new ConfigException(List.of("--" + PARAM + " is required: the job runs from the jar " + at
                    + " and must check it before it runs; the deployment passes the SHA-256 of the jar it uploaded, "
                    + EXAMPLE));
        }
        if (!actual.equals(pinned.get())) {
            throw new CodeIntegrityException("the job jar " + at + " has SHA-256 " + actual + ", but the deployment pinned "
                    + pinned.get() + ": the jar is not the one the deployment uploaded (a wrong, partial or stale upload, or"
                    + " a replaced jar). The job stopped before reading its configuration or any secret; redeploy from a"
                    + " clean build (pulumi up uploads the jar and its hash together)");
        }
        return "code integrity: the job jar " + at + " has the pinned SHA-256 " + actual;
    }

    private static boolean isLocalDirectory(URI at) {
        return "file".equalsIgnoreCase(at.getScheme()) && Files.isDirectory(Path.of(at));
    }

    /**
     * The SHA-256 of the file at a code source location.
     *
     * @param at         a {@code file:}, {@code dbfs:} or other Hadoop URI
     * @param hadoopConf the Hadoop configuration for non-local locations
     * @return 64 lowercase hex digits
     * @throws CodeIntegrityException when the file cannot be read, naming it
     */
    static String sha256(URI at, Supplier<Configuration> hadoopConf) {
        String scheme = at.getScheme() == null ? "" : at.getScheme().toLowerCase(Locale.ROOT);
        try {
            if (scheme.equals("file")) {
                String path = at.getPath();
                if (JobArgs.isVolumePath(path)) {
                    return digest(HadoopIo.open(JobArgs.volumeUri(path), hadoopConf.get()));
                }
                return digest(Files.newInputStream(Path.of(at)));
            }
            if (scheme.isEmpty() || scheme.equals("jar")) {
                throw new IOException("not a file location");
            }
            return digest(HadoopIo.open(at.toString(), hadoopConf.get()));
        } catch (IOException | RuntimeException e) {
            throw new CodeIntegrityException("cannot read the job jar at " + at + " to verify it (" + e.getClass().getSimpleName()
                    + ": " + e.getMessage() + "); the job does not run unverified code. On Databricks a jar library is"
                    + " copied to the driver's local disk, and JVM file APIs cannot read /Workspace or /Volumes paths");
        }
    }

    static String digest(InputStream stream) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM provides SHA-256", e);
        }
        try (InputStream in = stream) {
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                sha.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
