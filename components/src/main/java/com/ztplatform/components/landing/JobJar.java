package com.ztplatform.components.landing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The landing job jar as the program uploads it: the file the {@code WorkspaceFile} uploads (relative to the
 * project root, so the plan is the same on every machine) and its SHA-256, which the jobs receive as
 * {@code --jar-sha256} and check against the jar they run from before they do anything. The build makes the jar
 * reproducible ({@code project.build.outputTimestamp}), so the same source gives the same hash, and the plan changes
 * only when the job's code does.
 *
 * @param source the jar's path relative to the project root, like {@value OneLakeLanding#JAR_SOURCE}
 * @param sha256 the SHA-256 of that file, 64 lowercase hex digits
 */
public record JobJar(String source, String sha256) {

    /** The job parameter that carries the hash (read by the job's {@code CodeIntegrity}). */
    public static final String PARAMETER = "--jar-sha256";

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    /**
     * @param source the jar's path relative to the project root
     * @param sha256 its SHA-256 as 64 lowercase hex digits
     * @throws IllegalArgumentException naming the field and a valid example
     */
    public JobJar {
        if (source == null || source.isBlank() || Path.of(source).isAbsolute()) {
            throw new IllegalArgumentException("JobJar.source must be the jar's path relative to the project root, like '"
                    + OneLakeLanding.JAR_SOURCE + "', got '" + source + "'");
        }
        if (sha256 == null || !SHA256_HEX.matcher(sha256).matches()) {
            throw new IllegalArgumentException("JobJar.sha256 must be 64 lowercase hex digits (the output of sha256sum),"
                    + " like 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad', got '" + sha256 + "'");
        }
    }

    /**
     * The jar the build left at {@value OneLakeLanding#JAR_SOURCE} under the project root, hashed now: the file
     * {@code pulumi up} uploads from the same place.
     *
     * @param projectRoot the directory holding {@code Pulumi.yaml}
     * @return the jar and its hash
     * @throws IllegalStateException when the jar has not been built, saying how to build it
     */
    public static JobJar built(Path projectRoot) {
        var file = projectRoot.resolve(OneLakeLanding.JAR_SOURCE);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("the landing job jar " + OneLakeLanding.JAR_SOURCE + " has not been built: the"
                    + " landing jobs pin its SHA-256, so build it before planning or deploying (mvn -pl"
                    + " components/landing-job -am package)");
        }
        return new JobJar(OneLakeLanding.JAR_SOURCE, sha256(file));
    }

    /**
     * The SHA-256 of a file.
     *
     * @param file the file to hash
     * @return 64 lowercase hex digits
     * @throws UncheckedIOException when the file cannot be read
     */
    public static String sha256(Path file) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM provides SHA-256", e);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                sha.update(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot hash " + file.getFileName() + ": " + e.getMessage(), e);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /**
     * The job parameters that pin the jar.
     *
     * @return {@code --jar-sha256 <hex>}
     */
    public List<String> parameters() {
        return List.of(PARAMETER, sha256);
    }
}
