package com.ztplatform.landing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/** Small Hadoop FileSystem helpers (work the same on abfss://, dbfs:/ and file:). */
final class HadoopIo {

    private HadoopIo() {
    }

    /** mkdirs that fails loudly (local FS returns false instead of throwing in some cases). */
    static void mkdirs(String uri, Configuration conf) throws IOException {
        Path p = new Path(uri);
        FileSystem fs = p.getFileSystem(conf);
        if (fs.exists(p) && !fs.getFileStatus(p).isDirectory()) {
            throw new org.apache.hadoop.fs.FileAlreadyExistsException(
                    "Mkdirs failed: " + p + " already exists as a file, not a directory");
        }
        if (!fs.mkdirs(p)) {
            throw new IOException("Mkdirs failed to create " + p);
        }
    }

    static boolean exists(String uri, Configuration conf) throws IOException {
        Path p = new Path(uri);
        return p.getFileSystem(conf).exists(p);
    }

    static void deleteIfExists(String uri, Configuration conf) throws IOException {
        Path p = new Path(uri);
        FileSystem fs = p.getFileSystem(conf);
        if (fs.exists(p) && !fs.delete(p, true)) {
            throw new IOException("could not delete " + p);
        }
    }

    /** Renames a file or directory; the destination must not exist. */
    static void rename(String from, String to, Configuration conf) throws IOException {
        Path src = new Path(from);
        Path dst = new Path(to);
        FileSystem fs = src.getFileSystem(conf);
        if (!fs.rename(src, dst)) {
            throw new IOException("rename failed: " + src + " -> " + dst);
        }
    }

    /** Opens a file for reading; the caller closes the stream. */
    static InputStream open(String uri, Configuration conf) throws IOException {
        Path p = new Path(uri);
        return p.getFileSystem(conf).open(p);
    }

    static String readString(String uri, Configuration conf) throws IOException {
        Path p = new Path(uri);
        try (InputStream in = p.getFileSystem(conf).open(p)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * Writes {@code text} to {@code uri} through a hidden temporary file in the same folder and a rename, so a
     * reader sees either the previous complete file or the new complete file (plus a short window with none).
     */
    static void writeStringReplacing(String uri, String text, Configuration conf) throws IOException {
        Path dst = new Path(uri);
        FileSystem fs = dst.getFileSystem(conf);
        Path tmp = new Path(dst.getParent(), "." + dst.getName() + "." + UUID.randomUUID() + ".tmp");
        try (OutputStream out = fs.create(tmp, true)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        if (fs.exists(dst) && !fs.delete(dst, false)) {
            throw new IOException("could not replace " + dst);
        }
        if (!fs.rename(tmp, dst)) {
            fs.delete(tmp, false);
            throw new IOException("rename failed: " + tmp + " -> " + dst);
        }
    }

    /** True when any path component below {@code root} starts with '_' or '.' (Spark's hidden-file rule). */
    static boolean hiddenBelow(Path root, Path file) {
        for (String seg : relative(root, file).split("/")) {
            if (seg.startsWith("_") || seg.startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    /** Data files under {@code uri} (recursive; hidden files and folders skipped), sorted by path. */
    static List<FileStatus> dataFiles(String uri, Configuration conf) throws IOException {
        Path root = new Path(uri);
        FileSystem fs = root.getFileSystem(conf);
        FileStatus st = fs.getFileStatus(root);
        List<FileStatus> out = new ArrayList<>();
        if (st.isFile()) {
            out.add(st);
            return out;
        }
        Path qualifiedRoot = st.getPath();
        RemoteIterator<LocatedFileStatus> it = fs.listFiles(qualifiedRoot, true);
        while (it.hasNext()) {
            LocatedFileStatus f = it.next();
            if (f.isFile() && !hiddenBelow(qualifiedRoot, f.getPath())) {
                out.add(f);
            }
        }
        out.sort(Comparator.comparing(f -> f.getPath().toString()));
        return out;
    }

    /** Path of {@code file} relative to {@code root} (both qualified by the same FileSystem). */
    static String relative(Path root, Path file) {
        String r = root.toUri().getPath();
        String f = file.toUri().getPath();
        if (f.startsWith(r)) {
            String rel = f.substring(r.length());
            return rel.startsWith("/") ? rel.substring(1) : rel;
        }
        return file.getName();
    }
}
