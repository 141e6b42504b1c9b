package com.ztplatform.landing;

import com.ztplatform.landing.contract.LandingUris;
import com.ztplatform.landing.contract.ConfigException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.hadoop.conf.Configuration;

/**
 * Command-line parameters of the jobs (Databricks {@code spark_jar_task.parameters}):
 * {@code --name value} or {@code --name=value}; flags without a value are booleans.
 */
public final class JobArgs {

    private final Map<String, String> values;

    private JobArgs(Map<String, String> values) {
        this.values = values;
    }

    /**
     * Parses {@code --name value} / {@code --name=value} job parameters; {@code --config} is required.
     *
     * @param args         the job's task parameters
     * @param valueFlags   flags that take a value (without the leading "--")
     * @param booleanFlags flags without a value
     * @param usage        appended to errors
     * @return the parsed parameters
     * @throws ConfigException listing every unknown, incomplete or missing parameter, then the usage
     */
    public static JobArgs parse(String[] args, Set<String> valueFlags, Set<String> booleanFlags, String usage) {
        Map<String, String> v = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                problems.add("unexpected argument '" + a + "': parameters are --name value pairs");
                continue;
            }
            String name = a.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (booleanFlags.contains(name)) {
                v.put(name, value == null ? "true" : value);
            } else if (valueFlags.contains(name)) {
                if (value == null) {
                    if (i + 1 >= args.length) {
                        problems.add("--" + name + " needs a value");
                        continue;
                    }
                    value = args[++i];
                }
                v.put(name, value);
            } else {
                problems.add("unknown parameter --" + name);
            }
        }
        if (!v.containsKey("config")) {
            problems.add("--config is required: inline JSON like '{\"mode\":\"direct\",...}' or the path of a JSON file"
                    + " like /Volumes/main/ops/config/landing.json");
        }
        if (!problems.isEmpty()) {
            problems.add("usage: " + usage);
            throw new ConfigException(problems);
        }
        return new JobArgs(v);
    }

    /**
     * A value parameter.
     *
     * @param name the flag without "--"
     * @return its value; empty when absent or blank
     */
    public Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name)).filter(s -> !s.isBlank());
    }

    /**
     * A boolean flag: present alone, or with the value {@code true}.
     *
     * @param name the flag without "--"
     * @return whether it is set; false when absent
     */
    public boolean flag(String name) {
        return Boolean.parseBoolean(values.getOrDefault(name, "false"));
    }

    /**
     * Comma-separated list parameter, trimmed, empty entries dropped.
     *
     * @param name the flag without "--"
     * @return the entries; empty when absent
     */
    public List<String> list(String name) {
        List<String> out = new ArrayList<>();
        get(name).ifPresent(s -> {
            for (String x : s.split(",")) {
                if (!x.isBlank()) {
                    out.add(x.trim());
                }
            }
        });
        return out;
    }

    /**
     * The JSON text behind {@code --config}: inline when it starts with '{'; a URI with a scheme (abfss:, dbfs:,
     * file:) is read through Hadoop; a Unity Catalog volume path {@code /Volumes/<catalog>/<schema>/<volume>/...} is
     * read through Hadoop as {@code dbfs:/Volumes/...} as well. JVM file APIs ({@code Files}, {@code FileInputStream})
     * cannot read volume paths on Databricks, and Scala/Java get no FUSE access to volumes on single-user
     * (dedicated) compute, which is what the landing cluster policy fixes; Spark and Hadoop paths work
     * (learn.microsoft.com/azure/databricks/files/, "Work with files on Azure Databricks"). Any other path is read
     * from the driver's local file system.
     *
     * @param config     the {@code --config} value
     * @param hadoopConf the cluster's Hadoop configuration, for URIs and volume paths
     * @return the JSON text
     * @throws ConfigException when the file cannot be read, naming it
     */
    public static String loadConfigText(String config, Configuration hadoopConf) {
        String c = config.strip();
        if (c.startsWith("{")) {
            return c;
        }
        try {
            if (LandingUris.hasScheme(c)) {
                return HadoopIo.readString(c, hadoopConf);
            }
            if (isVolumePath(c)) {
                return HadoopIo.readString(volumeUri(c), hadoopConf);
            }
            return Files.readString(Path.of(c), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            throw new ConfigException(List.of("--config '" + c + "' could not be read (" + e.getClass().getSimpleName()
                    + ": " + e.getMessage() + "); pass inline JSON or the path of a readable JSON file (a volume path"
                    + " needs READ VOLUME for the job's run-as identity)"));
        }
    }

    static boolean isVolumePath(String path) {
        return path.startsWith("/Volumes/");
    }

    /** {@code /Volumes/c/s/v/f.json} as the URI Spark and Hadoop read volumes with. */
    static String volumeUri(String path) {
        return "dbfs:" + path;
    }
}
