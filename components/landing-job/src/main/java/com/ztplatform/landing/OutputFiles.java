package com.ztplatform.landing;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.sql.SparkSession;

/**
 * What a copy wrote, file by file (Parquet row count, SHA-256, bytes read), computed on the executors: the driver
 * sends the list of paths, each task opens its files through the Hadoop {@link FileSystem} and returns a few numbers.
 * Reading every output byte through the driver would make one JVM stream the whole landing a second time (hours for
 * a large table, and a driver sized for planning, not for I/O); the executors that wrote the files have the
 * bandwidth and the credentials already.
 *
 * <p>The executors need the Hadoop configuration that holds the target's ABFS OAuth settings. It travels inside the
 * task, Java-serialized through {@link Configuration#write}, as Spark ships a serialized copy of the job's Hadoop
 * configuration to the tasks of the write itself; nothing new leaves the cluster, and no value is logged. The RDD API this uses is available on the
 * single-user (dedicated) job clusters the landing's cluster policy fixes.
 */
final class OutputFiles {

    /** One written file as an executor saw it. */
    record Described(String path, long bytes, long rows, String sha256) implements Serializable {
    }

    private OutputFiles() {
    }

    /**
     * Describes {@code files} (in their order) on the executors, one task per group of files, at most the cluster's
     * default parallelism tasks. Fails when a file read on an executor has another length than the listing says (a
     * file changed between the listing and the hash).
     */
    static List<Described> describe(SparkSession spark, List<FileStatus> files, Configuration conf) {
        if (files.isEmpty()) {
            return List.of();
        }
        List<String> paths = new ArrayList<>(files.size());
        files.forEach(f -> paths.add(f.getPath().toString()));
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        int slices = Math.max(1, Math.min(paths.size(), spark.sparkContext().defaultParallelism()));
        List<Described> out = jsc.parallelize(paths, slices).map(new DescribeFile(new SerializableConf(conf))).collect();
        for (int i = 0; i < files.size(); i++) {
            FileStatus listed = files.get(i);
            Described d = out.get(i);
            if (!d.path().equals(paths.get(i)) || d.bytes() != listed.getLen()) {
                throw new IllegalStateException("output file " + listed.getPath() + " changed while it was described: listed "
                        + listed.getLen() + " bytes, read " + d.bytes() + " bytes");
            }
        }
        return List.copyOf(out);
    }

    /** Runs in an executor task: footer row count and SHA-256 of one file. */
    static final class DescribeFile implements Function<String, Described> {
        private static final long serialVersionUID = 1L;
        private final SerializableConf conf;

        DescribeFile(SerializableConf conf) {
            this.conf = conf;
        }

        @Override
        public Described call(String path) throws IOException {
            Configuration c = conf.get();
            Path p = new Path(path);
            FileSystem fs = p.getFileSystem(c);
            long rows;
            try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(p, c))) {
                rows = reader.getRecordCount();
            }
            MessageDigest md;
            try {
                md = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            long bytes = 0;
            byte[] buf = new byte[1 << 16];
            try (InputStream in = fs.open(p)) {
                int n;
                while ((n = in.read(buf)) > 0) {
                    md.update(buf, 0, n);
                    bytes += n;
                }
            }
            return new Described(path, bytes, rows, HexFormat.of().formatHex(md.digest()));
        }
    }

    /**
     * A Hadoop {@link Configuration} that Java serialization can carry into a task (Configuration is Writable, not
     * Serializable): every property travels, as in Spark's own wrapper.
     */
    static final class SerializableConf implements Serializable {
        private static final long serialVersionUID = 1L;
        private transient Configuration conf;

        SerializableConf(Configuration conf) {
            this.conf = conf;
        }

        Configuration get() {
            return conf;
        }

        private void writeObject(ObjectOutputStream out) throws IOException {
            out.defaultWriteObject();
            conf.write(new DataOutputStream(out));
        }

        private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
            in.defaultReadObject();
            conf = new Configuration(false);
            conf.readFields(new DataInputStream(in));
        }
    }
}
