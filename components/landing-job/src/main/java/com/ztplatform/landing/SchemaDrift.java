package com.ztplatform.landing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.Type;

import com.ztplatform.landing.contract.JobConfig.CsvOptions;

/**
 * The files of one source must agree on their columns before Spark reads them together: Spark takes the schema of
 * one Parquet file (without mergeSchema) or the header of the first CSV file and applies it to every file, so a
 * file with columns added, removed, renamed or reordered would be read silently misaligned or as nulls.
 * Every file's own schema (Parquet footer) or header (CSV) is read on the driver (metadata and one line, not
 * the data) and compared with the first file's.
 */
final class SchemaDrift {

    private SchemaDrift() {
    }

    /**
     * The problem, if the files' columns differ.
     *
     * @param columns    per file (in listing order), its columns in order: name to type ("" when the format has no
     *                   types, as CSV)
     * @param allowAdded Parquet with mergeSchema: a file may lack columns others have; a type conflict still fails
     */
    static Optional<String> compare(String sourceId, Map<String, Map<String, String>> columns, boolean allowAdded,
                                    String remedy) {
        if (columns.size() < 2) {
            return Optional.empty();
        }
        var files = new ArrayList<>(columns.keySet());
        String first = files.get(0);
        Map<String, String> reference = columns.get(first);
        Map<String, String> union = new LinkedHashMap<>(reference);
        Map<String, String> typeSeenIn = new LinkedHashMap<>();
        reference.keySet().forEach(c -> typeSeenIn.put(c, first));
        List<String> differences = new ArrayList<>();
        for (String file : files.subList(1, files.size())) {
            Map<String, String> cols = columns.get(file);
            List<String> here = new ArrayList<>();
            for (var c : cols.entrySet()) {
                String known = union.get(c.getKey());
                if (known == null) {
                    if (!allowAdded) {
                        here.add("extra column '" + c.getKey() + "'" + type(c.getValue()));
                    }
                    union.put(c.getKey(), c.getValue());
                    typeSeenIn.put(c.getKey(), file);
                } else if (!known.equals(c.getValue())) {
                    here.add("column '" + c.getKey() + "' is " + c.getValue() + " here but " + known + " in "
                            + typeSeenIn.get(c.getKey()));
                }
            }
            if (!allowAdded) {
                for (var c : reference.entrySet()) {
                    if (!cols.containsKey(c.getKey())) {
                        here.add("missing column '" + c.getKey() + "'" + type(c.getValue()));
                    }
                }
                if (here.isEmpty() && !new ArrayList<>(cols.keySet()).equals(new ArrayList<>(reference.keySet()))) {
                    here.add("columns in another order " + cols.keySet() + " (by position they would be read as "
                            + reference.keySet() + ")");
                }
            }
            if (!here.isEmpty()) {
                differences.add(file + ": " + String.join(", ", here));
            }
        }
        if (differences.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("source " + sourceId + ": the schema changes between its files, compared with " + first
                + " " + reference.keySet() + ": " + String.join("; ", differences) + ". " + remedy);
    }

    private static String type(String t) {
        return t.isEmpty() ? "" : " (" + t + ")";
    }

    /** A Parquet file's top-level columns, from its footer. Nullability is not part of the comparison. */
    static Map<String, String> parquetColumns(String file, Configuration conf) throws IOException {
        try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(new Path(file), conf))) {
            Map<String, String> out = new LinkedHashMap<>();
            for (Type t : reader.getFooter().getFileMetaData().getSchema().getFields()) {
                out.put(t.getName(), describe(t));
            }
            return out;
        }
    }

    private static String describe(Type t) {
        if (t.isPrimitive()) {
            var p = t.asPrimitiveType();
            var logical = p.getLogicalTypeAnnotation();
            return p.getPrimitiveTypeName().name().toLowerCase(java.util.Locale.ROOT)
                    + (logical == null ? "" : "(" + logical + ")");
        }
        GroupType g = t.asGroupType();
        var inner = new ArrayList<String>();
        for (Type f : g.getFields()) {
            inner.add(f.getName() + ": " + describe(f));
        }
        var logical = g.getLogicalTypeAnnotation();
        return (logical == null ? "struct" : logical.toString()) + "<" + String.join(", ", inner) + ">";
    }

    /** A CSV file's header columns (its first record), read through the file's compression codec if any. */
    static Map<String, String> csvHeader(String file, Configuration conf, CsvOptions options) throws IOException {
        Path p = new Path(file);
        FileSystem fs = p.getFileSystem(conf);
        CompressionCodec codec = new CompressionCodecFactory(conf).getCodec(p);
        try (InputStream raw = fs.open(p);
             InputStream in = codec == null ? raw : codec.createInputStream(raw);
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            Map<String, String> out = new LinkedHashMap<>();
            for (String name : firstRecord(r, options)) {
                out.put(name, "");
            }
            return out;
        }
    }

    /** The fields of the first record, honouring quote, escape and (with multiLine) line breaks inside quotes. */
    static List<String> firstRecord(BufferedReader r, CsvOptions o) throws IOException {
        char sep = o.delimiter().charAt(0);
        char quote = o.quote().charAt(0);
        char escape = o.escape().charAt(0);
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        String line = r.readLine();
        if (line == null) {
            return fields;
        }
        if (!line.isEmpty() && line.charAt(0) == '\uFEFF') {
            line = line.substring(1);
        }
        while (true) {
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (quoted) {
                    if (c == escape && i + 1 < line.length() && (line.charAt(i + 1) == quote || line.charAt(i + 1) == escape)
                            && !(escape == quote && i + 1 < line.length() && line.charAt(i + 1) != quote)) {
                        field.append(line.charAt(++i));
                    } else if (c == quote) {
                        quoted = false;
                    } else {
                        field.append(c);
                    }
                } else if (c == quote) {
                    quoted = true;
                } else if (c == sep) {
                    fields.add(field.toString().strip());
                    field.setLength(0);
                } else {
                    field.append(c);
                }
            }
            if (quoted && o.multiLine()) {
                String next = r.readLine();
                if (next != null) {
                    field.append('\n');
                    line = next;
                    continue;
                }
            }
            break;
        }
        fields.add(field.toString().strip());
        return fields;
    }
}
