package com.ztplatform.landing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.net.ssl.SSLHandshakeException;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.azurebfs.contracts.exceptions.AbfsRestOperationException;
import org.apache.spark.SparkException;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.ztplatform.landing.FailureClassifier.Category;
import com.ztplatform.landing.FailureClassifier.Cause;
import com.ztplatform.landing.FailureClassifier.Stage;

/** The classifier against real exception types and the messages the ABFS driver, the JDK and Spark produce. */
class FailureClassifierTest {

    static final String TARGET = "abfss://zt-landing@onelake.dfs.fabric.microsoft.com/mirror.Lakehouse/Files/LandingZone/orders";

    static Cause target(Throwable t) {
        return FailureClassifier.classify(t, Stage.TARGET, "main.sales.orders", TARGET);
    }

    @Test
    void abfs403IsFabricAuthorisation() {
        AbfsRestOperationException abfs = new AbfsRestOperationException(403, "AuthorizationPermissionMismatch",
                "Operation failed: \"This request is not authorized to perform this operation using this permission.\", 403,"
                        + " PUT, https://onelake.dfs.fabric.microsoft.com/zt-landing/mirror.Lakehouse/Files/LandingZone/orders"
                        + "/_tmp_run=1?resource=directory, AuthorizationPermissionMismatch", null);
        // as Spark surfaces it from a failed write job
        Cause c = target(new SparkException("Job aborted due to stage failure", new IOException("write failed", abfs)));
        assertThat(c.category()).isEqualTo(Category.AUTHORISATION);
        assertThat(c.hint()).startsWith("authorisation in Fabric: grant the service principal access to the lakehouse"
                + " folder (OneLake data access role) or workspace Contributor");

        // the status code alone is enough (message-free REST exception)
        assertThat(target(new AbfsRestOperationException(403, null, "", null)).category()).isEqualTo(Category.AUTHORISATION);
        // and a plain message from another client
        assertThat(target(new IOException("This request is not authorized to perform this operation.")).category())
                .isEqualTo(Category.AUTHORISATION);
    }

    @Test
    void unknownHostIsDnsAndNamesTheHost() {
        Cause c = target(new IOException("abfs init failed",
                new UnknownHostException("onelake.dfs.fabric.microsoft.com: Name or service not known")));
        assertThat(c.category()).isEqualTo(Category.DNS);
        assertThat(c.hint()).startsWith("DNS: the cluster cannot resolve onelake.dfs.fabric.microsoft.com; check the"
                + " firewall DNS proxy / private DNS");
        assertThat(target(new UnknownHostException("login.microsoftonline.com")).hint())
                .contains("cannot resolve login.microsoftonline.com");
    }

    @Test
    void timeoutsRefusalsResetsAnd470AreTheFirewall() {
        for (Throwable t : new Throwable[] {
                new SocketTimeoutException("connect timed out"),
                new ConnectException("Connection refused"),
                new IOException("Operation failed: \"Action: Deny. Reason: No rule matched. Proceeding with default action\", 470, PUT"),
                new SSLHandshakeException("Remote host terminated the handshake"),
                new IOException("Connection reset by peer")}) {
            Cause c = target(new SparkException("Job aborted", t));
            assertThat(c.category()).as(t.toString()).isEqualTo(Category.FIREWALL);
            assertThat(c.hint()).startsWith("firewall: allow onelake.dfs.fabric.microsoft.com and login.microsoftonline.com"
                    + " from the Databricks subnets");
        }
    }

    @Test
    void entraTokenErrorsAreAuthentication() {
        IOException aad = new IOException("AADToken: HTTP connection to https://login.microsoftonline.com/72f988bf/oauth2/token"
                + " failed for getting token from AzureAD.; HttpStatus: 401; ErrorCode: invalid_client;"
                + " ErrorMessage: AADSTS7000215: Invalid client secret provided.");
        assertThat(target(aad).category()).isEqualTo(Category.AUTHENTICATION);
        assertThat(target(aad).hint()).contains("tenant id, client id and client secret");
    }

    @Test
    @Tag(TestSpark.SPARK)
    void missingSparkSourcesAreSourceNotFound(@TempDir Path tmp) {
        SparkSession spark = TestSpark.get();
        Throwable table = catchThrowable(() -> spark.sql("SELECT * FROM spark_catalog.default.does_not_exist"));
        assertThat(table).isInstanceOf(org.apache.spark.sql.AnalysisException.class);
        Cause c = FailureClassifier.classify(table, Stage.SOURCE, "spark_catalog.default.does_not_exist", TARGET);
        assertThat(c.category()).isEqualTo(Category.SOURCE_NOT_FOUND);
        assertThat(c.hint()).startsWith("source not found: spark_catalog.default.does_not_exist");

        String missing = tmp.resolve("nope").toUri().toString();
        Throwable path = catchThrowable(() -> spark.read().parquet(missing));
        assertThat(FailureClassifier.classify(path, Stage.SOURCE, missing, TARGET).hint())
                .startsWith("source not found: " + missing);

        Throwable notDelta = catchThrowable(() -> spark.sql("DESCRIBE HISTORY delta.`" + tmp.toUri() + "`").collect());
        assertThat(FailureClassifier.classify(notDelta, Stage.SOURCE, "x", TARGET).category())
                .isEqualTo(Category.SOURCE_NOT_FOUND);

        assertThat(FailureClassifier.classify(new FileNotFoundException("Path does not exist: /Volumes/main/raw/files/x"),
                Stage.SOURCE, "/Volumes/main/raw/files/x", TARGET).category()).isEqualTo(Category.SOURCE_NOT_FOUND);
    }

    @Test
    void aFileWhereTheLandingFolderShouldBeIsTargetNotWritable(@TempDir Path tmp) throws IOException {
        Path file = Files.writeString(tmp.resolve("landing"), "x");
        String root = file.toUri().toString();
        Throwable t = catchThrowable(() -> HadoopIo.mkdirs(root + "/_manifests", new Configuration()));
        assertThat(t).isNotNull();
        Cause c = FailureClassifier.classify(t, Stage.TARGET, null, root);
        assertThat(c.category()).isEqualTo(Category.TARGET_NOT_WRITABLE);
        assertThat(c.hint()).startsWith("target not writable: " + root);
    }

    @Test
    void secretsAndUnknownFailures() {
        assertThat(target(new SecretAccessException("secret 'k' does not exist in scope 's'")).category())
                .isEqualTo(Category.SECRETS);
        Cause c = target(new IllegalStateException("something odd"));
        assertThat(c.category()).isEqualTo(Category.UNKNOWN);
        assertThat(FailureClassifier.describeRoot(new RuntimeException("outer", new IllegalStateException("inner cause"))))
                .isEqualTo("java.lang.IllegalStateException: inner cause");
    }

    @Test
    void stagedTargetsMentionTheStorageRole() {
        Cause c = FailureClassifier.classify(new AbfsRestOperationException(403, "AuthorizationPermissionMismatch",
                "This request is not authorized to perform this operation using this permission.", null), Stage.TARGET,
                null, "abfss://landing@stztlanding.dfs.core.windows.net/LandingZone");
        assertThat(c.category()).isEqualTo(Category.AUTHORISATION);
        assertThat(c.hint()).contains("Storage Blob Data Contributor");
    }

    /** Unity Catalog denials name the missing privilege and securable, whichever stage they surface in. */
    @Test
    void unityCatalogDenialsNameTheMissingGrant() {
        Cause vol = FailureClassifier.classify(new SparkException("[INSUFFICIENT_PERMISSIONS] Insufficient privileges:"
                + " User does not have READ VOLUME on Volume 'main.raw.exports'. SQLSTATE: 42501"), Stage.SOURCE,
                "/Volumes/main/raw/exports/customers", TARGET);
        assertThat(vol.category()).isEqualTo(Category.UNITY_CATALOG_PERMISSION);
        assertThat(vol.hint()).contains("GRANT READ VOLUME ON VOLUME main.raw.exports TO");

        Cause cat = FailureClassifier.classify(new RuntimeException("PERMISSION_DENIED: User does not have USE CATALOG"
                + " on Catalog `main`."), Stage.SOURCE, "main.sales.orders", TARGET);
        assertThat(cat.category()).isEqualTo(Category.UNITY_CATALOG_PERMISSION);
        assertThat(cat.hint()).contains("GRANT USE CATALOG ON CATALOG main TO");

        // 403-looking text must not send the operator to Fabric when Unity Catalog said no.
        Cause table = target(new IOException("403 Forbidden", new RuntimeException("User does not have SELECT on"
                + " Table 'main.sales.orders'.")));
        assertThat(table.category()).isEqualTo(Category.UNITY_CATALOG_PERMISSION);
        assertThat(table.hint()).contains("GRANT SELECT ON TABLE main.sales.orders TO");

        Cause bare = FailureClassifier.classify(new RuntimeException("[PERMISSION_DENIED] request denied"),
                Stage.SOURCE, "main.sales.orders", TARGET);
        assertThat(bare.category()).isEqualTo(Category.UNITY_CATALOG_PERMISSION);
        assertThat(bare.hint()).contains("main.sales.orders", "SELECT");
    }
    static final String REGIONAL_HOST = "westeurope-onelake.dfs.fabric.microsoft.com";
    static final String REGIONAL_TARGET = "abfss://zt-landing@" + REGIONAL_HOST + "/mirror.Lakehouse/Files/LandingZone/orders";
    /** The global host as a name of its own (not as the tail of a regional one). */
    static final java.util.regex.Pattern GLOBAL_NAME = java.util.regex.Pattern.compile(
            "(?<![\\w.-])onelake\\.dfs\\.fabric\\.microsoft\\.com");

    @Test
    void withARegionTheHintsNameTheRegionalHostAndNeverTheGlobalOne() {
        // With landing.oneLakeRegion the firewall allows only the regional host: a hint naming the global one would
        // send the operator to open a name the residency choice excludes.
        Cause firewall = FailureClassifier.classify(new SparkException("Job aborted", new ConnectException("Connection refused")),
                Stage.TARGET, "main.sales.orders", REGIONAL_TARGET);
        assertThat(firewall.category()).isEqualTo(Category.FIREWALL);
        assertThat(firewall.hint()).startsWith("firewall: allow " + REGIONAL_HOST + " and login.microsoftonline.com from"
                + " the Databricks subnets (Azure Firewall application rule, HTTPS 443);");
        assertThat(GLOBAL_NAME.matcher(firewall.hint()).find()).as(firewall.hint()).isFalse();

        Cause dns = FailureClassifier.classify(new UnknownHostException("login.microsoftonline.com"), Stage.TARGET, null,
                REGIONAL_TARGET);
        assertThat(dns.category()).isEqualTo(Category.DNS);
        assertThat(dns.hint()).contains("forward public names such as " + REGIONAL_HOST + " and login.microsoftonline.com");
        assertThat(GLOBAL_NAME.matcher(dns.hint()).find()).as(dns.hint()).isFalse();
    }

    @Test
    void theConfiguredRegionalHostIsNamedWhenTheFailingCallHasNoOneLakeTarget() {
        // The verification job's egress echo call and a run writing under a volume override have no OneLake URI in
        // hand: the configured host decides.
        Cause noTarget = FailureClassifier.classify(new SocketTimeoutException("connect timed out"), Stage.TARGET, null,
                null, REGIONAL_HOST);
        assertThat(noTarget.hint()).startsWith("firewall: allow " + REGIONAL_HOST + " and login.microsoftonline.com");
        assertThat(GLOBAL_NAME.matcher(noTarget.hint()).find()).as(noTarget.hint()).isFalse();
        Cause volume = FailureClassifier.classify(new UnknownHostException("x"), Stage.TARGET, null,
                "dbfs:/Volumes/main/landing/dry-run", REGIONAL_HOST);
        assertThat(volume.hint()).contains("such as " + REGIONAL_HOST + " and");
        // Without a region nothing changes: the global host, named once.
        Cause global = FailureClassifier.classify(new SocketTimeoutException("connect timed out"), Stage.TARGET, null,
                null, null);
        assertThat(global.hint()).startsWith("firewall: allow onelake.dfs.fabric.microsoft.com and login.microsoftonline.com"
                + " from the Databricks subnets (Azure Firewall application rule, HTTPS 443);");
    }
}
