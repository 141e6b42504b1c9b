package com.ztplatform.landing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.spark.sql.SparkSession;

/**
 * One local SparkSession for every test class in the (single) Surefire JVM: starting Spark costs seconds, so it
 * is created once, lazily, and stopped by a shutdown hook.
 */
final class TestSpark {

    /**
     * JUnit tag of the tests that start local Spark: Failsafe runs them in {@code mvn verify} (integration-test
     * phase), Surefire leaves them out, so {@code mvn test} stays fast.
     */
    static final String SPARK = "spark";

    private static SparkSession spark;
    private static Path warehouse;

    private TestSpark() {
    }

    static synchronized SparkSession get() {
        if (spark == null) {
            try {
                warehouse = Files.createTempDirectory("zt-landing-warehouse");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            spark = SparkSession.builder()
                    .master("local[1]")
                    .appName("zt-landing-tests")
                    .config("spark.ui.enabled", "false")
                    .config("spark.ui.showConsoleProgress", "false")
                    .config("spark.sql.shuffle.partitions", "1")
                    .config("spark.default.parallelism", "1")
                    .config("spark.driver.host", "localhost")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.sql.session.timeZone", "UTC")
                    .config("spark.sql.warehouse.dir", warehouse.toUri().toString())
                    .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
                    .config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
                    .config("spark.databricks.delta.snapshotPartitions", "1")
                    .config("spark.sql.sources.parallelPartitionDiscovery.threshold", "1000")
                    .getOrCreate();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> spark.stop()));
        }
        return spark;
    }
}
