package com.ztplatform.landing;

import com.ztplatform.landing.contract.JobConfig;
import com.ztplatform.landing.contract.ConfigException;
import com.ztplatform.landing.contract.JobConfigParser;

import java.time.Clock;
import java.util.Set;

import org.apache.spark.sql.SparkSession;

/**
 * Databricks {@code spark_jar_task} entry point of the landing (mirror) job.
 *
 * <pre>
 *   parameters: ["--config", "&lt;inline JSON | path of a JSON file&gt;",
 *                "--jar-sha256", "&lt;SHA-256 of the jar&gt;",   (checked first; see {@link CodeIntegrity})
 *                "--run-id", "{{job.run_id}}",        (optional; default: derived from the source snapshots)
 *                "--force"]                           (optional; redo a run id that already landed)
 * </pre>
 * See {@link JobConfigParser} for the JSON and README.md for complete examples. Failures are thrown (the task
 * fails; off Databricks the JVM exits non-zero) as {@link MirrorException} / {@link ConfigException} with a
 * message naming source, target and likely cause. The job never calls {@code System.exit} (Databricks JAR
 * jobs must not) and never stops the shared SparkSession.
 */
public final class MirrorJob {

    static final String USAGE = "MirrorJob --config <json|path> " + CodeIntegrity.USAGE + " [--run-id <id>] [--force]";

    private MirrorJob() {
    }

    /**
     * The Databricks task's entry point.
     *
     * @param args {@code --config <json|path> --jar-sha256 <hex> [--run-id <id>] [--force]}
     */
    public static void main(String[] args) {
        JobArgs a = JobArgs.parse(args, Set.of("config", CodeIntegrity.PARAM, "run-id"), Set.of("force"), USAGE);
        SparkSession spark = SparkSession.builder().appName("zt-landing-mirror").getOrCreate();
        Redactor redactor = new Redactor();
        JobLog log = JobLog.stdout(redactor);
        // Before the configuration, the secrets or the data: the code that would touch them must be the pinned jar.
        log.info(CodeIntegrity.verify(a.get(CodeIntegrity.PARAM), CodeIntegrity.codeSource(MirrorJob.class),
                () -> spark.sparkContext().hadoopConfiguration()));
        JobConfig config = JobConfigParser.parse(
                JobArgs.loadConfigText(a.get("config").orElseThrow(), spark.sparkContext().hadoopConfiguration()));
        Mirror.RunResult r = new Mirror(spark, SecretSource.databricks(), log, Clock.systemUTC())
                .run(config, Mirror.RunOptions.defaults().withRunId(a.get("run-id").orElse(null)).withForce(a.flag("force")));
        log.info((r.skipped() ? "SKIPPED (already landed) " : "SUCCEEDED ") + "run " + r.runId() + "; manifest "
                + r.manifestUri());
    }
}
