package com.ztplatform.landing;

import com.ztplatform.landing.contract.JobConfig;
import com.ztplatform.landing.contract.LandingUris;
import com.ztplatform.landing.contract.Json;
import com.ztplatform.landing.contract.ConfigException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Observation;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

import com.ztplatform.landing.FailureClassifier.Category;
import com.ztplatform.landing.FailureClassifier.Stage;
import com.ztplatform.landing.contract.JobConfig.ManagedIdentity;
import com.ztplatform.landing.contract.JobConfig.ServicePrincipal;
import com.ztplatform.landing.contract.JobConfig.Source;

/**
 * The mirror run: pin every source, copy each to {@code <root>/<dest>/run=<runId>/} as Parquet, write the
 * manifest {@code <root>/_manifests/<runId>.json} last.
 *
 * <h2>Idempotency</h2>
 * <ul>
 *   <li>Run id: given ({@code --run-id}, or {@code runId} in the config; e.g. {@code {{job.run_id}}}), or derived:
 *       {@code snap-<sha256(fingerprint)[0..20]>} where the fingerprint holds the mode, target and, per source,
 *       its id/format/options/dest and pinned snapshot (Delta version, or the file list with sizes and
 *       modification times). Unchanged sources therefore give the same run id; a new Delta version or a
 *       changed file gives a new one.</li>
 *   <li>If {@code _manifests/<runId>.json} exists with status SUCCEEDED and the same fingerprint, the run is a
 *       no-op (reported as skipped) unless {@code force}.</li>
 *   <li>Otherwise each source is written to {@code <dest>/_tmp_run=<runId>/} (deleted first), then the
 *       previous {@code <dest>/run=<runId>/} (if any) is deleted and the temporary folder renamed into place
 *       (a single directory rename on ABFS with hierarchical namespace / OneLake). Re-running a run id
 *       therefore replaces that run's output and never duplicates it.</li>
 *   <li>The manifest is written last (temporary file + rename): a run without a SUCCEEDED manifest is
 *       incomplete, and consumers should read only {@code run=} folders listed in SUCCEEDED manifests.</li>
 * </ul>
 */
public final class Mirror {

    /**
     * Per-invocation options (not part of the job's JSON config).
     *
     * @param runId               a fixed run id; empty: derived from the source snapshots (the default)
     * @param force               rewrite a run id that already succeeded (default false: a no-op)
     * @param landingRootOverride write under this root instead of the target's (default empty)
     * @param retainedCommits     commits retention keeps, at least 1 (default
     *                            {@value LandingLog#DEFAULT_RETAINED_COMMITS})
     */
    public record RunOptions(Optional<String> runId, boolean force, Optional<String> landingRootOverride,
                             int retainedCommits) {
        /**
         * Checks the retention.
         *
         * @param runId               a fixed run id, or empty
         * @param force               rewrite a succeeded run id
         * @param landingRootOverride another root, or empty
         * @param retainedCommits     commits kept, at least 1
         * @throws IllegalArgumentException when {@code retainedCommits} is below 1
         */
        public RunOptions {
            if (retainedCommits < 1) {
                throw new IllegalArgumentException("retainedCommits must be at least 1 (the current commit), like "
                        + LandingLog.DEFAULT_RETAINED_COMMITS + ", got " + retainedCommits);
            }
        }

        /**
         * The options of a scheduled run.
         *
         * @return derived run id, no force, the target's root, {@value LandingLog#DEFAULT_RETAINED_COMMITS} commits
         */
        public static RunOptions defaults() {
            return new RunOptions(Optional.empty(), false, Optional.empty(), LandingLog.DEFAULT_RETAINED_COMMITS);
        }

        /**
         * With a fixed run id (like the Databricks job run id).
         *
         * @param id the run id, or {@code null} to derive it
         * @return a copy with that run id
         */
        public RunOptions withRunId(String id) {
            return new RunOptions(Optional.ofNullable(id), force, landingRootOverride, retainedCommits);
        }

        /**
         * With or without force.
         *
         * @param f whether a run id that already succeeded is written again
         * @return a copy with that setting
         */
        public RunOptions withForce(boolean f) {
            return new RunOptions(runId, f, landingRootOverride, retainedCommits);
        }

        /**
         * Writes under this root instead of the target's abfss:// root (tests, dry runs on a volume).
         *
         * @param root the root, or {@code null} for the target's
         * @return a copy with that root
         */
        public RunOptions withLandingRoot(String root) {
            return new RunOptions(runId, force, Optional.ofNullable(root), retainedCommits);
        }

        /**
         * How many commits (and the folders they reference) retention keeps.
         *
         * @param n the number of commits, at least 1
         * @return a copy with that retention
         */
        public RunOptions withRetainedCommits(int n) {
            return new RunOptions(runId, force, landingRootOverride, n);
        }
    }

    /**
     * What a run did.
     *
     * @param runId       the run id used
     * @param skipped     true when the run id had already succeeded with the same fingerprint (nothing written)
     * @param status      the manifest's status, like {@code SUCCEEDED}
     * @param manifestUri the run's manifest
     * @param manifest    the manifest's content
     */
    public record RunResult(String runId, boolean skipped, String status, String manifestUri, Map<String, Object> manifest) {
    }

    static final int MANIFEST_VERSION = 2;
    private static final AtomicLong OBSERVATION_SEQ = new AtomicLong();

    private final SparkSession spark;
    private final SecretSource secrets;
    private final JobLog log;
    private final Clock clock;
    /** Called after every write, rename and delete; the fault-injection tests crash the run there. */
    private java.util.function.Consumer<String> steps = step -> { };
    /** The configured OneLake host of the current run (direct mode), named by failure hints; null in staged mode. */
    private String oneLakeHost;

    /** Test hook: observe (or crash at) each file-system step. */
    Mirror withSteps(java.util.function.Consumer<String> steps) {
        this.steps = steps;
        return this;
    }

    /**
     * @param spark   the cluster's session
     * @param secrets where the target's credentials come from
     * @param log     the job log (redacting)
     * @param clock   stamps manifests and commits
     */
    public Mirror(SparkSession spark, SecretSource secrets, JobLog log, Clock clock) {
        this.spark = spark;
        this.secrets = secrets;
        this.log = log;
        this.clock = clock;
    }

    /**
     * Runs the mirror once (see the class comment for what makes it idempotent).
     *
     * @param config  the validated job parameters
     * @param options this invocation's options
     * @return what the run did
     * @throws MirrorException naming the source, the target and the likely cause when a step fails
     */
    public RunResult run(JobConfig config, RunOptions options) {
        Instant started = now();
        String targetUri = config.target().rootUri();
        String root = LandingUris.trimRoot(options.landingRootOverride().orElse(targetUri));
        this.oneLakeHost = config.target() instanceof JobConfig.DirectTarget direct ? direct.host() : null;
        log.info("landing run: mode=" + config.mode().id() + " target=" + targetUri
                + (root.equals(targetUri) ? "" : " (writing under " + root + ")")
                + " identity=" + config.auth().describe() + " sources=" + config.sources().size());

        // 1. credentials for the target host (Spark session conf for DataFrame I/O, Hadoop conf for FileSystem I/O)
        AbfsAuthConfig auth = authFor(config, root);
        auth.applyTo(spark.conf()::set);
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        auth.applyTo(conf::set);
        log.info("ABFS OAuth settings applied for " + auth.host() + ": " + auth.redactedEntries().keySet());

        // 2. the target must be a writable folder before anything is read
        try {
            HadoopIo.mkdirs(LandingUris.manifestDir(root), conf);
        } catch (Exception e) {
            throw failure(e, Stage.TARGET, null, root, "target '" + root + "'");
        }

        // 3. pin every source (all problems reported together)
        SourceReader reader = new SourceReader(spark, conf).onSkipped(log::warn);
        List<SourceReader.Snapshot> snaps = new ArrayList<>();
        List<MirrorException> pinFailures = new ArrayList<>();
        for (Source s : config.sources()) {
            try {
                SourceReader.Snapshot snap = reader.snapshot(s);
                snaps.add(snap);
                log.info("pinned " + s.id() + " " + Json.write(snap.describe()).replaceAll("\\s+", " ")
                        .replaceAll("(.{300}).+", "$1..."));
            } catch (Exception e) {
                pinFailures.add(failure(e, Stage.SOURCE, s.id(), root + "/" + s.dest(),
                        "source '" + s.id() + "' -> target '" + root + "/" + s.dest() + "'"));
            }
        }
        if (!pinFailures.isEmpty()) {
            throw aggregate(pinFailures, config.sources().size(), "no data was written");
        }

        // 4. run id, and this attempt's own folder name (never reused, never renamed, never overwritten)
        String fingerprint = fingerprint(config, targetUri, snaps);
        String runId = options.runId().or(config::runId).orElse(null);
        String runIdSource = runId == null ? "derived" : "given";
        if (runId == null) {
            runId = "snap-" + fingerprint.substring("sha256:".length(), "sha256:".length() + 20);
        } else {
            List<String> bad = LandingUris.validateRunId("--run-id", runId);
            if (!bad.isEmpty()) {
                throw new ConfigException(bad);
            }
        }
        String attempt = runId + "_" + UUID.randomUUID().toString().substring(0, 8);
        String folder = "run=" + attempt;

        // 5. skip, per source, what the current commit already holds at the same snapshot
        Optional<LandingLog.Commit> current;
        try {
            current = LandingLog.latest(root, conf);
        } catch (Exception e) {
            throw failure(e, Stage.TARGET, null, LandingLog.logDir(root), "commit log '" + LandingLog.logDir(root) + "'");
        }
        Map<String, Map<String, Object>> reusable = options.force() ? Map.of()
                : current.map(c -> reusableEntries(c.manifest(), conf)).orElse(Map.of());
        if (current.isPresent() && !options.force() && snaps.stream().allMatch(sn -> reusable.containsKey(key(sn)))
                && reusable.size() == snaps.size()
                && fingerprint.equals(current.get().manifest().get("sourceFingerprint"))) {
            log.info("the current landing (commit " + current.get().version() + ", run "
                    + current.get().manifest().get("runId") + ") already holds these snapshots: nothing to do");
            return new RunResult(String.valueOf(current.get().manifest().get("runId")), true, "SUCCEEDED",
                    current.get().uri(), current.get().manifest());
        }

        // 6. copy the changed sources into this attempt's folders; reuse the unchanged ones
        List<Object> sourceEntries = new ArrayList<>();
        List<MirrorException> copyFailures = new ArrayList<>();
        for (SourceReader.Snapshot snap : snaps) {
            Source s = snap.source();
            Map<String, Object> previous = reusable.get(key(snap));
            if (previous != null) {
                sourceEntries.add(reused(previous, current.get()));
                log.info("unchanged " + s.id() + ": reusing " + ((Map<?, ?>) previous.get("output")).get("uri"));
                continue;
            }
            Instant sStart = now();
            String dir = LandingUris.trimRoot(root) + "/" + s.dest() + "/" + folder;
            try {
                CopyResult r = copy(reader, snap, dir, conf);
                sourceEntries.add(sourceEntry(snap, sStart, now(), "SUCCEEDED", r.rowsRead, r.rowsWritten, dir, folder,
                        r.files, r.filesRead, null));
                log.info("landed " + s.id() + " -> " + dir + " (" + r.rowsWritten + " rows, " + r.files.size()
                        + " files)");
            } catch (Exception e) {
                MirrorException me = failure(e, Stage.TARGET, s.id(), dir,
                        "source '" + s.id() + "' -> target '" + dir + "'");
                copyFailures.add(me);
                sourceEntries.add(sourceEntry(snap, sStart, now(), "FAILED", null, null, dir, folder, List.of(),
                        List.of(), me));
                log.error(me.getMessage());
            }
        }

        // 7. the manifest; only a complete success is committed (the one atomic step that publishes the run)
        String status = copyFailures.isEmpty() ? "SUCCEEDED" : "FAILED";
        Map<String, Object> manifest = Json.ordered(
                "manifestVersion", MANIFEST_VERSION,
                "runId", runId,
                "runIdSource", runIdSource,
                "attempt", attempt,
                "status", status,
                "basedOnCommit", current.map(LandingLog.Commit::version).orElse(null),
                "startedAt", iso(started),
                "endedAt", iso(now()),
                "mode", config.mode().id(),
                "targetUri", targetUri,
                "landingRoot", root,
                "identity", identityEntry(config),
                "sparkVersion", spark.version(),
                "sourceFingerprint", fingerprint,
                "sources", sourceEntries);
        String text = log.redactor().redact(Json.write(manifest)) + "\n";
        if (!copyFailures.isEmpty()) {
            // Diagnostics only: a failed attempt is recorded beside the log, never in it, so readers cannot see it.
            String failed = LandingUris.manifestDir(root) + "/_failed/" + attempt + ".json";
            try {
                HadoopIo.writeStringReplacing(failed, text, conf);
            } catch (Exception e) {
                copyFailures.get(0).addSuppressed(e);
            }
            throw aggregate(copyFailures, snaps.size(), "nothing was committed; the current landing is unchanged;"
                    + " failed attempt recorded in " + failed);
        }
        LandingLog.Commit commit;
        try {
            commit = LandingLog.commit(root, text, conf, steps);
        } catch (Exception e) {
            throw failure(e, Stage.TARGET, null, LandingLog.logDir(root), "commit to '" + LandingLog.logDir(root) + "'");
        }
        log.info("committed run " + runId + " as " + commit.uri() + " (" + status + ")");

        // 8. retention: a failure here never undoes the commit
        try {
            List<String> deleted = LandingLog.retain(root, config.sources().stream().map(Source::dest).toList(),
                    options.retainedCommits(), LandingLog.DEFAULT_GRACE, now(), conf, steps);
            if (!deleted.isEmpty()) {
                log.info("retention: deleted " + deleted.size() + " unreferenced run folders: " + deleted);
            }
        } catch (Exception e) {
            log.warn("retention failed (the commit stands; the next run retries): " + e.getMessage());
        }
        return new RunResult(runId, false, status, commit.uri(), commit.manifest());
    }

    // ------------------------------------------------------------------------------------------ skip decision

    private static String key(SourceReader.Snapshot snap) {
        return snap.source().dest() + "\u0000" + sha256Hex(Json.write(snap.fingerprint()));
    }

    /**
     * The current commit's source entries that can be reused as they are: keyed like {@link #key}; an entry is
     * reusable only if every file it lists still exists with the recorded size.
     */
    @SuppressWarnings("unchecked")
    private Map<String, Map<String, Object>> reusableEntries(Map<String, Object> manifest, Configuration conf) {
        Map<String, Map<String, Object>> out = new java.util.HashMap<>();
        for (Object o : (List<Object>) manifest.getOrDefault("sources", List.of())) {
            Map<String, Object> e = (Map<String, Object>) o;
            Object fp = e.get("snapshotFingerprint");
            Map<String, Object> output = (Map<String, Object>) e.get("output");
            if (fp == null || output == null || !"SUCCEEDED".equals(e.get("status"))) {
                continue;
            }
            if (filesIntact(output, conf)) {
                out.put(e.get("dest") + "\u0000" + fp, e);
            } else {
                log.warn("output of " + e.get("source") + " in the current commit is incomplete: it is copied again");
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static boolean filesIntact(Map<String, Object> output, Configuration conf) {
        try {
            String uri = (String) output.get("uri");
            for (Object o : (List<Object>) output.get("files")) {
                Map<String, Object> f = (Map<String, Object>) o;
                Path p = new Path(uri + "/" + f.get("path"));
                FileSystem fs = p.getFileSystem(conf);
                if (!fs.exists(p) || fs.getFileStatus(p).getLen() != ((Number) f.get("size")).longValue()) {
                    return false;
                }
            }
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private static Map<String, Object> reused(Map<String, Object> previous, LandingLog.Commit from) {
        Map<String, Object> e = new java.util.LinkedHashMap<>(previous);
        if (e.get("reusedFromRun") == null) {
            e.put("reusedFromRun", from.manifest().get("runId"));
        }
        return e;
    }

    // ------------------------------------------------------------------------------------------ copy one source

    private record CopyResult(long rowsRead, long rowsWritten, List<Object> files, List<String> filesRead) {
    }

    private CopyResult copy(SourceReader reader, SourceReader.Snapshot snap, String dir, Configuration conf)
            throws IOException {
        Source s = snap.source();
        Observation obs = new Observation("zt_landing_" + OBSERVATION_SEQ.incrementAndGet());
        Dataset<Row> input = reader.read(snap);
        // The files Spark's plan actually reads (for Delta: the files of the pinned version).
        List<String> filesRead = List.of(input.inputFiles());
        Dataset<Row> df = input.observe(obs, functions.count(functions.lit(1)).as("rows"));
        spark.sparkContext().setJobDescription("zt-landing " + s.id() + " -> " + dir);
        try {
            // A fresh folder per attempt: ErrorIfExists proves nothing else ever wrote there.
            df.write().mode(SaveMode.ErrorIfExists).parquet(dir);
        } finally {
            spark.sparkContext().setJobDescription(null);
        }
        steps.accept("write:" + s.dest());
        long rowsRead = observedRows(obs);
        if (rowsRead < 0) {
            log.warn("row count observation unavailable for " + s.id() + ": rowsRead is taken from the Parquet footers");
        }
        reader.checkUnchanged(snap);

        List<Object> files = new ArrayList<>();
        long rowsWritten = 0;
        Path finPath = new Path(dir);
        FileSystem fs = finPath.getFileSystem(conf);
        Path qualifiedFin = fs.makeQualified(finPath);
        // Row counts and hashes come from the executors: the driver lists the files and never reads their bytes.
        List<FileStatus> written = HadoopIo.dataFiles(dir, conf);
        spark.sparkContext().setJobDescription("zt-landing describe " + s.id() + " output (" + written.size() + " files)");
        List<OutputFiles.Described> described;
        try {
            described = OutputFiles.describe(spark, written, conf);
        } finally {
            spark.sparkContext().setJobDescription(null);
        }
        for (int i = 0; i < written.size(); i++) {
            FileStatus f = written.get(i);
            OutputFiles.Described d = described.get(i);
            rowsWritten += d.rows();
            files.add(Json.ordered("path", HadoopIo.relative(qualifiedFin, f.getPath()), "size", f.getLen(),
                    "rows", d.rows(), "sha256", d.sha256()));
        }
        if (rowsRead >= 0 && rowsRead != rowsWritten) {
            throw new IllegalStateException("row count mismatch for " + s.id() + ": read " + rowsRead
                    + ", Parquet footers in " + dir + " hold " + rowsWritten);
        }
        return new CopyResult(rowsRead < 0 ? rowsWritten : rowsRead, rowsWritten, files, filesRead);
    }

    private static long observedRows(Observation obs) {
        try {
            Object v = obs.getAsJava().get("rows");
            return v instanceof Number n ? n.longValue() : -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        } catch (RuntimeException e) {
            return -1;
        }
    }

    // ------------------------------------------------------------------------------------------ helpers

    private AbfsAuthConfig authFor(JobConfig config, String root) {
        String host = config.target().host();
        if (config.auth() instanceof ManagedIdentity mi) {
            return AbfsAuthConfig.managedIdentity(host, mi);
        }
        ServicePrincipal sp = (ServicePrincipal) config.auth();
        try {
            String tenant = secret(sp.secretScope(), sp.tenantIdKey());
            String client = secret(sp.secretScope(), sp.clientIdKey());
            String secret = secret(sp.secretScope(), sp.clientSecretKey());
            try {
                return AbfsAuthConfig.clientCredentials(host, tenant, client, secret);
            } catch (IllegalArgumentException e) {
                throw new SecretAccessException("the secrets in scope '" + sp.secretScope() + "' (keys " + sp.keys()
                        + ") do not form valid client credentials: " + e.getMessage());
            }
        } catch (SecretAccessException e) {
            throw failure(e, Stage.TARGET, null, root, "credentials for target '" + root + "'");
        }
    }

    private String secret(String scope, String key) {
        String v = secrets.get(scope, key);
        log.redactor().register(v);
        return v;
    }

    private MirrorException failure(Throwable e, Stage stage, String sourceId, String target, String what) {
        FailureClassifier.Cause cause = FailureClassifier.classify(e, stage, sourceId, target, oneLakeHost);
        String msg = what + ": " + cause.hint() + " [" + FailureClassifier.describe(e, cause.category()) + "]";
        return new MirrorException(cause.category(), log.redactor().redact(msg), e);
    }

    private static MirrorException aggregate(List<MirrorException> failures, int total, String note) {
        if (failures.size() == 1 && total == 1) {
            MirrorException only = failures.get(0);
            return new MirrorException(only.category(), only.getMessage() + " (" + note + ")", only);
        }
        StringBuilder sb = new StringBuilder("landing run failed for " + failures.size() + " of " + total
                + " sources (" + note + "):");
        for (MirrorException f : failures) {
            sb.append("\n  - ").append(f.getMessage());
        }
        Category c = failures.get(0).category();
        MirrorException agg = new MirrorException(c, sb.toString(), failures.get(0));
        failures.stream().skip(1).forEach(agg::addSuppressed);
        return agg;
    }

    private Map<String, Object> sourceEntry(SourceReader.Snapshot snap, Instant start, Instant end, String status,
                                            Long rowsRead, Long rowsWritten, String outputUri, String folder,
                                            List<Object> files, List<String> filesRead, MirrorException error) {
        Source s = snap.source();
        return Json.ordered(
                "source", s.id(),
                "kind", s.isTable() ? "table" : "path",
                "format", s.format().id(),
                "options", s.readOptions(),
                "dest", s.dest(),
                "status", status,
                "startedAt", iso(start),
                "endedAt", iso(end),
                "snapshot", snap.describe(),
                "snapshotFingerprint", sha256Hex(Json.write(snap.fingerprint())),
                "filesRead", filesRead,
                "rowsRead", rowsRead,
                "rowsWritten", rowsWritten,
                "output", Json.ordered("uri", outputUri, "folder", folder, "format", "parquet", "files", files),
                "reusedFromRun", null,
                "error", error == null ? null
                        : Json.ordered("category", error.category().name(), "message", error.getMessage()));
    }

    private static Map<String, Object> identityEntry(JobConfig config) {
        if (config.auth() instanceof ServicePrincipal sp) {
            return Json.ordered("type", "servicePrincipal", "secretScope", sp.secretScope(),
                    "secretKeys", sp.keys());
        }
        ManagedIdentity mi = (ManagedIdentity) config.auth();
        return Json.ordered("type", "managed", "clientId", mi.clientId().orElse(null));
    }

    private static String fingerprint(JobConfig config, String targetUri, List<SourceReader.Snapshot> snaps) {
        List<Object> sources = new ArrayList<>();
        snaps.forEach(s -> sources.add(s.fingerprint()));
        String json = Json.write(Json.ordered("mode", config.mode().id(), "target", targetUri, "sources", sources));
        return "sha256:" + sha256Hex(json);
    }

    static String sha256Hex(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
    }

    private static String iso(Instant i) {
        return i.toString();
    }
}
