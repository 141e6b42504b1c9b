package com.ztplatform.landing;

import com.ztplatform.landing.contract.LandingUris;
import com.ztplatform.landing.contract.Json;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The landing's commit log: the ONLY thing that makes a run visible.
 *
 * <p>{@code <root>/_manifests/_log/<version, 20 digits>.json} holds one complete SUCCEEDED manifest per commit; the
 * highest version is the current landing. A commit is one rename of a fully written hidden file to the next version
 * number that fails if the name exists, the same protocol Delta Lake uses on ADLS Gen2 / HDFS (atomic rename
 * without overwrite, docs.delta.io/latest/delta-storage.html), so two concurrent runs can never both own a version:
 * the loser retries at the next number. On the local file system (tests, volumes through FUSE) Hadoop's rename
 * would replace the target, so a hard link (which fails if the name exists) stands in.
 *
 * <p>Data folders are written once per attempt and never renamed or overwritten; only {@link #retain} deletes them,
 * and only when no retained commit references them and they are older than a grace period (so a concurrent
 * attempt's folder is never removed under it).
 */
public final class LandingLog {

    /** The folder, under the manifests' folder, that holds one numbered file per commit. */
    public static final String LOG_DIR = "_log";
    /** Commits kept (the current one and two before it, for readers that started on an older one). */
    public static final int DEFAULT_RETAINED_COMMITS = 3;
    /** Unreferenced attempt folders younger than this are left alone: longer than the job timeout (4 h). */
    public static final Duration DEFAULT_GRACE = Duration.ofHours(24);

    private static final Pattern VERSION_FILE = Pattern.compile("^(\\d{20})\\.json$");
    private static final int MAX_COMMIT_TRIES = 50;

    /**
     * One commit: its version, its URI and its manifest.
     *
     * @param version  the commit's number; the highest is the current landing
     * @param uri      the commit file
     * @param manifest the run manifest the commit points readers to
     */
    public record Commit(long version, String uri, Map<String, Object> manifest) {
    }

    private LandingLog() {
    }

    /**
     * The commit log of a landing root.
     *
     * @param root the landing root
     * @return {@code <root>/_manifests/_log}
     */
    public static String logDir(String root) {
        return LandingUris.manifestDir(root) + "/" + LOG_DIR;
    }

    /**
     * One commit's file; the zero-padded number makes name order version order.
     *
     * @param root    the landing root
     * @param version the commit's number
     * @return {@code <root>/_manifests/_log/<20-digit version>.json}
     */
    public static String versionUri(String root, long version) {
        return logDir(root) + "/" + String.format("%020d", version) + ".json";
    }

    /** Every committed version, ascending. */
    static List<Long> versions(String root, Configuration conf) throws IOException {
        Path dir = new Path(logDir(root));
        FileSystem fs = dir.getFileSystem(conf);
        List<Long> out = new ArrayList<>();
        if (!fs.exists(dir)) {
            return out;
        }
        for (FileStatus f : fs.listStatus(dir)) {
            Matcher m = VERSION_FILE.matcher(f.getPath().getName());
            if (f.isFile() && m.matches()) {
                out.add(Long.parseLong(m.group(1)));
            }
        }
        out.sort(Long::compare);
        return out;
    }

    /**
     * The current landing: the highest committed version, if any. This is what every reader must follow.
     *
     * @param root the landing root
     * @param conf the Hadoop configuration with the target's credentials
     * @return the latest commit; empty before the first
     * @throws IOException when the log cannot be listed or read
     */
    public static Optional<Commit> latest(String root, Configuration conf) throws IOException {
        List<Long> v = versions(root, conf);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        long version = v.get(v.size() - 1);
        String uri = versionUri(root, version);
        return Optional.of(new Commit(version, uri, Json.parseObject(HadoopIo.readString(uri, conf))));
    }

    /**
     * Commits {@code manifestText} as the next version. {@code afterStep} is called after each file operation (the
     * fault-injection tests crash there).
     */
    static Commit commit(String root, String manifestText, Configuration conf, Consumer<String> afterStep)
            throws IOException {
        HadoopIo.mkdirs(logDir(root), conf);
        Path tmp = new Path(logDir(root) + "/." + UUID.randomUUID() + ".tmp");
        FileSystem fs = tmp.getFileSystem(conf);
        byte[] bytes = manifestText.getBytes(StandardCharsets.UTF_8);
        if (isLocal(fs)) {
            // NIO, not Hadoop's checksummed local FS: its .crc side file would not follow the hard link below.
            Files.write(Paths.get(fs.makeQualified(tmp).toUri()), bytes, java.nio.file.StandardOpenOption.CREATE_NEW);
        } else {
            try (OutputStream out = fs.create(tmp, false)) {
                out.write(bytes);
            }
        }
        afterStep.accept("commit:write-pending");
        for (int i = 0; i < MAX_COMMIT_TRIES; i++) {
            List<Long> v = versions(root, conf);
            long next = v.isEmpty() ? 0 : v.get(v.size() - 1) + 1;
            String uri = versionUri(root, next);
            if (renameNoReplace(fs, tmp, new Path(uri))) {
                afterStep.accept("commit:rename");
                return new Commit(next, uri, Json.parseObject(manifestText));
            }
        }
        throw new IOException("could not commit to " + logDir(root) + " after " + MAX_COMMIT_TRIES
                + " attempts: other runs keep committing concurrently");
    }

    private static boolean isLocal(FileSystem fs) {
        return "file".equals(fs.getUri().getScheme());
    }

    /** Atomic rename that fails (returns false) when the destination exists. */
    private static boolean renameNoReplace(FileSystem fs, Path src, Path dst) throws IOException {
        if (isLocal(fs)) {
            java.nio.file.Path s = Paths.get(fs.makeQualified(src).toUri());
            java.nio.file.Path d = Paths.get(fs.makeQualified(dst).toUri());
            try {
                Files.createLink(d, s);
            } catch (FileAlreadyExistsException e) {
                return false;
            }
            Files.delete(s);
            return true;
        }
        // ABFS (hierarchical namespace) and HDFS: rename refuses an existing destination and is atomic.
        if (fs.rename(src, dst)) {
            return true;
        }
        if (fs.exists(dst)) {
            return false;
        }
        throw new IOException("rename failed: " + src + " -> " + dst);
    }

    /**
     * Retention: keeps the newest {@code keep} commits and every attempt folder they reference; deletes older commits,
     * then unreferenced {@code run=} folders under the given destinations that are older than {@code grace}.
     *
     * @return the folders deleted
     */
    static List<String> retain(String root, List<String> dests, int keep, Duration grace, Instant now,
                               Configuration conf, Consumer<String> afterStep) throws IOException {
        List<Long> versions = versions(root, conf);
        List<Long> kept = versions.subList(Math.max(0, versions.size() - keep), versions.size());
        Set<String> referenced = new HashSet<>();
        for (long v : kept) {
            referenced.addAll(outputFolders(Json.parseObject(HadoopIo.readString(versionUri(root, v), conf))));
        }
        List<String> deleted = new ArrayList<>();
        // Data first, then the commits that point at it: a crash in between leaves a commit whose folders exist.
        Path rootPath = new Path(LandingUris.trimRoot(root));
        FileSystem fs = rootPath.getFileSystem(conf);
        for (String dest : dests) {
            Path destPath = new Path(LandingUris.trimRoot(root) + "/" + dest);
            if (!fs.exists(destPath)) {
                continue;
            }
            for (FileStatus f : fs.listStatus(destPath)) {
                String name = f.getPath().getName();
                if (!f.isDirectory() || !name.startsWith("run=")) {
                    continue;
                }
                String key = dest + "/" + name;
                boolean old = Instant.ofEpochMilli(f.getModificationTime()).isBefore(now.minus(grace));
                if (!referenced.contains(key) && old) {
                    if (!fs.delete(f.getPath(), true)) {
                        throw new IOException("could not delete " + f.getPath());
                    }
                    deleted.add(f.getPath().toString());
                    afterStep.accept("retain:delete " + key);
                }
            }
        }
        for (long v : versions.subList(0, versions.size() - kept.size())) {
            HadoopIo.deleteIfExists(versionUri(root, v), conf);
            afterStep.accept("retain:delete-commit " + v);
        }
        return deleted;
    }

    /** {@code <dest>/<run folder>} of every source output a manifest references. */
    @SuppressWarnings("unchecked")
    static Set<String> outputFolders(Map<String, Object> manifest) {
        Set<String> out = new HashSet<>();
        for (Object o : (List<Object>) manifest.getOrDefault("sources", List.of())) {
            Map<String, Object> s = (Map<String, Object>) o;
            Map<String, Object> output = (Map<String, Object>) s.get("output");
            if (output != null && output.get("folder") != null) {
                out.add(s.get("dest") + "/" + output.get("folder"));
            }
        }
        return out;
    }
}
