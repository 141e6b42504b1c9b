package com.ztplatform.landing;

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

import com.ztplatform.landing.JobConfig.Format;
import com.ztplatform.landing.JobConfig.Source;

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
    record Snapshot(Source source, Long deltaVersion, Instant deltaTimestamp, List<InputFile> files) {

        /** The manifest's "snapshot" object. */
        Map<String, Object> describe() {
            if (deltaVersion != null) {
                return Json.ordered("deltaVersion", deltaVersion,
                        "deltaCommitTimestamp", deltaTimestamp == null ? null : deltaTimestamp.toString());
            }
            List<Object> fs = new ArrayList<>();
            for (InputFile f : files) {
                fs.add(Json.ordered("path", f.path(), "size", f.size(),
                        "modificationTime", Instant.ofEpochMilli(f.modificationTime()).toString()));
            }
            return Json.ordered("files", fs);
        }

        /** Everything that identifies what this run copies from this source (drives the derived run id). */
        Map<String, Object> fingerprint() {
            Source s = source;
            return Json.ordered("source", s.id(), "kind", s.isTable() ? "table" : "path", "format", s.format().id(),
                    "header", s.format() == Format.CSV ? s.csvHeader() : null,
                    "delimiter", s.format() == Format.CSV ? s.csvDelimiter() : null,
                    "dest", s.dest(), "snapshot", describe());
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
        for (FileStatus f : HadoopIo.dataFiles(s.path(), conf)) {
            files.add(new InputFile(f.getPath().toString(), f.getLen(), f.getModificationTime()));
        }
        if (files.isEmpty()) {
            throw new FileNotFoundException("Path does not exist or holds no data files: " + s.path());
        }
        return new Snapshot(s, null, null, List.copyOf(files));
    }

    private Snapshot deltaSnapshot(Source s, String sqlRef) {
        List<Row> rows = spark.sql("DESCRIBE HISTORY " + sqlRef + " LIMIT 1").collectAsList();
        if (rows.isEmpty()) {
            throw new IllegalStateException("Delta history of " + s.id() + " is empty");
        }
        Row r = rows.get(0);
        long version = ((Number) r.getAs("version")).longValue();
        Object ts = r.getAs("timestamp");
        Instant when = ts instanceof Timestamp t ? t.toInstant() : ts instanceof Instant i ? i : null;
        return new Snapshot(s, version, when, List.of());
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

    /** The pinned snapshot as a DataFrame (lazy). */
    Dataset<Row> read(Snapshot snap) {
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
            reader = reader.option("header", String.valueOf(s.csvHeader()))
                    .option("sep", s.csvDelimiter())
                    .option("inferSchema", "false")
                    .option("mode", "FAILFAST"); // a mirror must not silently drop or null malformed rows
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
