package com.ztplatform.landing;

import com.ztplatform.landing.contract.LandingUris;
import com.ztplatform.landing.contract.Json;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import com.ztplatform.landing.contract.JobConfig.CsvOptions;
import com.ztplatform.landing.contract.JobConfig.Format;
import com.ztplatform.landing.contract.JobConfig.Source;

/**
 * Pins each source to one consistent snapshot, then reads exactly that snapshot.
 *
 * <ul>
 *   <li>Delta (table or path): the latest version from {@code DESCRIBE HISTORY ... LIMIT 1}; the read uses
 *       {@code VERSION AS OF} / {@code versionAsOf}, so commits that land while the job runs are not mixed in.</li>
 *   <li>Parquet / CSV: the data files listed once (path, size, modification time; hidden '_'/'.' files
 *       skipped); the read is given exactly that list (with {@code basePath} so partition folders still
 *       become columns).</li>
 * </ul>
 */
final class SourceReader {

    /** One listed input file. */
    record InputFile(String path, long size, long modificationTime) {
    }

    /** A pinned source: a Delta version, or a file list. */
    record Snapshot(Source source, Long deltaVersion, Instant deltaTimestamp, Long deltaDataVersion,
                    List<InputFile> files) {

        /** The manifest's "snapshot" object. */
        Map<String, Object> describe() {
            if (deltaVersion != null) {
                return Json.ordered("deltaVersion", deltaVersion,
                        "deltaCommitTimestamp", deltaTimestamp == null ? null : deltaTimestamp.toString(),
                        "deltaDataVersion", deltaDataVersion);
            }
            List<Object> fs = new ArrayList<>();
            for (InputFile f : files) {
                fs.add(Json.ordered("path", f.path(), "size", f.size(),
                        "modificationTime", Instant.ofEpochMilli(f.modificationTime()).toString()));
            }
            return Json.ordered("files", fs);
        }

        /**
         * Everything that identifies what this run copies from this source (drives the derived run id and the
         * per-source skip). For Delta that is the last version that changed data, not the latest version: OPTIMIZE
         * and VACUUM commit new versions with the same rows, and must not cause a full re-copy.
         */
        Map<String, Object> fingerprint() {
            Source s = source;
            return Json.ordered("source", s.id(), "kind", s.isTable() ? "table" : "path", "format", s.format().id(),
                    "options", s.readOptions(),
                    "dest", s.dest(), "snapshot", deltaVersion != null
                            ? Json.ordered("deltaDataVersion", deltaDataVersion) : describe());
        }
    }

    private final SparkSession spark;
    private final Configuration conf;

    SourceReader(SparkSession spark, Configuration conf) {
        this.spark = spark;
        this.conf = conf;
    }

    Snapshot snapshot(Source s) throws IOException {
        if (s.isTable()) {
            return deltaSnapshot(s, quoteTable(s.table()));
        }
        Path p = new Path(s.path());
        FileSystem fs = p.getFileSystem(conf);
        if (!fs.exists(p)) {
            throw new FileNotFoundException("Path does not exist: " + s.path());
        }
        if (s.format() == Format.DELTA) {
            return deltaSnapshot(s, "delta.`" + s.path().replace("`", "``") + "`");
        }
        List<InputFile> files = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        java.util.Map<Path, DbioMarkers> markers = new java.util.HashMap<>();
        for (FileStatus f : HadoopIo.dataFiles(s.path(), conf)) {
            DbioMarkers m = markers.computeIfAbsent(f.getPath().getParent(), this::markers);
            if (m.committed(f.getPath().getName())) {
                files.add(new InputFile(f.getPath().toString(), f.getLen(), f.getModificationTime()));
            } else {
                skipped.add(f.getPath().toString());
            }
        }
        if (!skipped.isEmpty() && skippedListener != null) {
            skippedListener.accept(s.id() + ": " + skipped.size() + " uncommitted file(s) skipped (DBIO _started_"
                    + " marker without _committed_): " + skipped);
        }
        if (files.isEmpty()) {
            throw new FileNotFoundException("Path does not exist or holds no data files: " + s.path());
        }
        return new Snapshot(s, null, null, null, List.copyOf(files));
    }

    /**
     * Delta operations that rewrite or remove files without changing the table's rows (OPTIMIZE commits with
     * dataChange=false; VACUUM only deletes unreferenced files; ANALYZE adds statistics): a change, for the landing,
     * is any other commit (docs.delta.io/latest/delta-utility.html#history-schema).
     */
    static final java.util.Set<String> MAINTENANCE_OPERATIONS = java.util.Set.of("OPTIMIZE", "VACUUM START",
            "VACUUM END", "ANALYZE STATS", "COMPUTE STATS");
    private static final int HISTORY_DEPTH = 100;

    private Snapshot deltaSnapshot(Source s, String sqlRef) {
        List<Row> rows = spark.sql("DESCRIBE HISTORY " + sqlRef + " LIMIT " + HISTORY_DEPTH).collectAsList();
        if (rows.isEmpty()) {
            throw new IllegalStateException("Delta history of " + s.id() + " is empty");
        }
        Row r = rows.get(0);
        long version = ((Number) r.getAs("version")).longValue();
        Object ts = r.getAs("timestamp");
        Instant when = ts instanceof Timestamp t ? t.toInstant() : ts instanceof Instant i ? i : null;
        // History is newest first; past HISTORY_DEPTH maintenance commits in a row, the latest version counts.
        long dataVersion = version;
        for (Row h : rows) {
            if (!MAINTENANCE_OPERATIONS.contains(String.valueOf((Object) h.getAs("operation")))) {
                dataVersion = ((Number) h.getAs("version")).longValue();
                break;
            }
        }
        return new Snapshot(s, version, when, dataVersion, List.of());
    }

    /**
     * A pinned file list pins content only if the files did not change while they were copied: every file must
     * still have the size and modification time it was listed with (a rewrite in place changes the modification
     * time even when the size stays).
     */
    void checkUnchanged(Snapshot snap) throws IOException {
        for (InputFile f : snap.files()) {
            Path p = new Path(f.path());
            FileStatus now;
            try {
                now = p.getFileSystem(conf).getFileStatus(p);
            } catch (FileNotFoundException e) {
                throw new IllegalStateException("source " + snap.source().id() + " changed while it was copied: "
                        + f.path() + " was deleted; the copy is discarded, re-run the job", e);
            }
            if (now.getLen() != f.size() || now.getModificationTime() != f.modificationTime()) {
                throw new IllegalStateException("source " + snap.source().id() + " changed while it was copied: "
                        + f.path() + " was " + f.size() + " bytes @" + f.modificationTime() + ", is now " + now.getLen()
                        + " bytes @" + now.getModificationTime() + "; the copy is discarded, re-run the job");
            }
        }
    }

    private java.util.function.Consumer<String> skippedListener;

    SourceReader onSkipped(java.util.function.Consumer<String> listener) {
        this.skippedListener = listener;
        return this;
    }

    private static final java.util.regex.Pattern TID = java.util.regex.Pattern.compile("-tid-(-?\\d+)-");

    /**
     * Databricks' transactional (DBIO) commit protocol: a write job leaves {@code _started_<tid>} beside its files and
     * {@code _committed_<tid>} once it committed, listing the files it added; Databricks readers skip the rest
     * (docs.databricks.com/spark/latest/spark-sql/dbio-commit.html). A raw listing would see uncommitted files of a
     * failed or running job, so a file whose job has a start marker counts only if the job committed and, when the
     * commit marker lists its files, the file is among them. Files of writers without markers are taken as they are.
     */
    record DbioMarkers(java.util.Set<String> started, java.util.Map<String, java.util.Set<String>> committed) {
        boolean committed(String fileName) {
            java.util.regex.Matcher m = TID.matcher(fileName);
            if (!m.find() || !started.contains(m.group(1))) {
                return true;
            }
            if (!committed.containsKey(m.group(1))) {
                return false;
            }
            java.util.Set<String> added = committed.get(m.group(1));
            return added == null || added.contains(fileName);
        }
    }

    private DbioMarkers markers(Path dir) {
        java.util.Set<String> started = new java.util.HashSet<>();
        java.util.Map<String, java.util.Set<String>> committed = new java.util.HashMap<>();
        try {
            FileSystem fs = dir.getFileSystem(conf);
            for (FileStatus f : fs.listStatus(dir)) {
                String n = f.getPath().getName();
                if (n.startsWith("_started_")) {
                    started.add(n.substring("_started_".length()));
                } else if (n.startsWith("_committed_") && !n.startsWith("_committed_vacuum")) {
                    committed.put(n.substring("_committed_".length()), addedFiles(HadoopIo.readString(
                            f.getPath().toString(), conf)));
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("listing commit markers in " + dir, e);
        }
        return new DbioMarkers(started, committed);
    }

    /** The "added" names of a commit marker; null = no readable list (the marker still says the job committed). */
    @SuppressWarnings("unchecked")
    private static java.util.Set<String> addedFiles(String marker) {
        try {
            Object added = Json.parseObject(marker).get("added");
            if (added instanceof List<?> l) {
                java.util.Set<String> out = new java.util.HashSet<>();
                l.forEach(o -> out.add(String.valueOf(o)));
                return out;
            }
        } catch (RuntimeException e) {
            // not JSON: the marker still says the job committed
        }
        return null;
    }

    /**
     * Fails when the pinned files of a Parquet or CSV source do not agree on their columns (see {@link SchemaDrift}),
     * naming the files and the columns.
     */
    void checkSchemas(Snapshot snap) throws IOException {
        Source s = snap.source();
        if (s.isTable() || s.format() == Format.DELTA || (s.format() == Format.CSV && !s.csv().header())) {
            return; // Delta has one schema per version; headerless CSV rows of another width fail in FAILFAST
        }
        Map<String, Map<String, String>> columns = new java.util.LinkedHashMap<>();
        for (InputFile f : snap.files()) {
            columns.put(f.path(), s.format() == Format.CSV ? SchemaDrift.csvHeader(f.path(), conf, s.csv())
                    : SchemaDrift.parquetColumns(f.path(), conf));
        }
        String remedy = s.format() == Format.CSV
                ? "Rewrite the files with one header, or land them as separate sources."
                : s.parquet().mergeSchema()
                ? "A column's type must be the same in every file, even with mergeSchema."
                : "Rewrite the files with one schema, or set mergeSchema: true on this source to accept added columns"
                  + " (missing ones read as null).";
        SchemaDrift.compare(s.id(), columns, s.format() == Format.PARQUET && s.parquet().mergeSchema(), remedy)
                .ifPresent(problem -> {
                    throw new SchemaMismatchException(problem);
                });
    }

    /** The files of one source disagree on their columns. */
    static final class SchemaMismatchException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        SchemaMismatchException(String message) {
            super(message);
        }
    }

    /** The pinned snapshot as a DataFrame (lazy); Parquet and CSV files are checked for schema drift first. */
    Dataset<Row> read(Snapshot snap) throws IOException {
        checkSchemas(snap);
        Source s = snap.source();
        if (s.isTable()) {
            return spark.sql("SELECT * FROM " + quoteTable(s.table()) + " VERSION AS OF " + snap.deltaVersion());
        }
        if (s.format() == Format.DELTA) {
            return spark.read().format("delta").option("versionAsOf", snap.deltaVersion()).load(s.path());
        }
        DataFrameReader reader = spark.read().format(s.format().id());
        boolean single = snap.files().size() == 1 && snap.files().get(0).path().equals(qualified(s.path()));
        if (!single) {
            reader = reader.option("basePath", s.path());
        }
        if (s.format() == Format.CSV) {
            CsvOptions csv = s.csv();
            reader = reader.option("header", String.valueOf(csv.header()))
                    .option("sep", csv.delimiter())
                    .option("quote", csv.quote())
                    .option("escape", csv.escape())
                    .option("multiLine", String.valueOf(csv.multiLine()))
                    .option("inferSchema", "false")
                    // Spark checks every file's header against the schema too, not only the first file's.
                    .option("enforceSchema", "false")
                    .option("mode", "FAILFAST"); // a mirror must not silently drop or null malformed rows
        } else {
            reader = reader.option("mergeSchema", String.valueOf(s.parquet().mergeSchema()));
        }
        String[] paths = snap.files().stream().map(InputFile::path).toArray(String[]::new);
        return reader.load(paths);
    }

    private String qualified(String path) {
        try {
            Path p = new Path(path);
            return p.getFileSystem(conf).makeQualified(p).toString();
        } catch (IOException e) {
            return path;
        }
    }

    /** {@code a.b.c} to {@code `a`.`b`.`c`} (names are validated to [A-Za-z0-9_-] by LandingUris). */
    static String quoteTable(String table) {
        StringBuilder sb = new StringBuilder();
        for (String part : table.split("\\.")) {
            if (sb.length() > 0) {
                sb.append('.');
            }
            sb.append('`').append(part.replace("`", "``")).append('`');
        }
        return sb.toString();
    }
}
