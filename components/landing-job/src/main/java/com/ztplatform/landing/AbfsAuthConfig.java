package com.ztplatform.landing;

import com.ztplatform.landing.contract.LandingUris;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/**
 * The per-account ABFS (hadoop-azure) settings that make Spark and the Hadoop FileSystem API authenticate to
 * one host ({@code onelake.dfs.fabric.microsoft.com} or {@code <account>.dfs.core.windows.net}) with OAuth.
 * Pure: builds the key/value pairs, applies them through a setter; never prints a secret.
 *
 * <p>Key names are hadoop-azure's {@code ConfigurationKeys} (checked against the 3.3.6 jar in the tests),
 * each suffixed with {@code .<host>} so they apply to that host only:
 * <pre>
 *   fs.azure.account.auth.type.&lt;host&gt;               = OAuth
 *   fs.azure.account.oauth.provider.type.&lt;host&gt;     = org.apache.hadoop.fs.azurebfs.oauth2.ClientCredsTokenProvider
 *   fs.azure.account.oauth2.client.id.&lt;host&gt;        = &lt;application (client) id&gt;
 *   fs.azure.account.oauth2.client.secret.&lt;host&gt;    = &lt;client secret&gt;
 *   fs.azure.account.oauth2.client.endpoint.&lt;host&gt;  = https://login.microsoftonline.com/&lt;tenant&gt;/oauth2/token
 * </pre>
 * Managed identity variant: provider {@code org.apache.hadoop.fs.azurebfs.oauth2.MsiTokenProvider} with
 * {@code fs.azure.account.oauth2.msi.tenant.<host>} and {@code fs.azure.account.oauth2.client.id.<host>}
 * (hadoop-azure 3.3.x reads both as mandatory keys; empty values select the VM's only identity).
 */
public final class AbfsAuthConfig {

    /** Hadoop key (prefix, before {@code .<host>}) selecting OAuth for an account. */
    public static final String AUTH_TYPE = "fs.azure.account.auth.type";
    /** Hadoop key prefix naming the token provider class. */
    public static final String PROVIDER_TYPE = "fs.azure.account.oauth.provider.type";
    /** Hadoop key prefix of the client (application) id; for a managed identity, a user-assigned one's client id. */
    public static final String CLIENT_ID = "fs.azure.account.oauth2.client.id";
    /** Hadoop key prefix of the client secret: the one secret value, redacted wherever the settings are printed. */
    public static final String CLIENT_SECRET = "fs.azure.account.oauth2.client.secret";
    /** Hadoop key prefix of the Entra ID token endpoint of the client-credential flow. */
    public static final String CLIENT_ENDPOINT = "fs.azure.account.oauth2.client.endpoint";
    /** Hadoop key prefix of the managed identity's tenant. */
    public static final String MSI_TENANT = "fs.azure.account.oauth2.msi.tenant";

    /** hadoop-azure's token provider for the client-credential flow. */
    public static final String CLIENT_CREDS_PROVIDER = "org.apache.hadoop.fs.azurebfs.oauth2.ClientCredsTokenProvider";
    /** hadoop-azure's token provider for a managed identity (IMDS). */
    public static final String MSI_PROVIDER = "org.apache.hadoop.fs.azurebfs.oauth2.MsiTokenProvider";

    private static final Pattern HOST = Pattern.compile("^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$");
    private static final Pattern TENANT_DOMAIN = Pattern.compile("^[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+$");

    /** Which identity the settings use. */
    public enum Kind {
        /** A service principal with a client secret from the secret scope. */
        CLIENT_CREDENTIALS,
        /** The cluster's managed identity, through IMDS: no secret at all. */
        MANAGED_IDENTITY
    }

    private final String host;
    private final Kind kind;
    private final Map<String, String> entries;
    private final Set<String> secretKeys;

    private AbfsAuthConfig(String host, Kind kind, Map<String, String> entries, Set<String> secretKeys) {
        this.host = host;
        this.kind = kind;
        this.entries = Collections.unmodifiableMap(entries);
        this.secretKeys = secretKeys;
    }

    /**
     * Service principal, OAuth 2.0 client-credential flow against Entra ID.
     *
     * @param host         the storage host the settings are for, like {@code onelake.dfs.fabric.microsoft.com}
     * @param tenantId     tenant GUID or verified domain (contoso.onmicrosoft.com)
     * @param clientId     the service principal's application (client) id
     * @param clientSecret the client secret (from the secret scope)
     * @return the settings for that host
     * @throws IllegalArgumentException naming the parameter; never echoing the client secret
     */
    public static AbfsAuthConfig clientCredentials(String host, String tenantId, String clientId, String clientSecret) {
        requireHost(host);
        if (tenantId == null || !(LandingUris.isGuid(tenantId.trim()) || TENANT_DOMAIN.matcher(tenantId.trim()).matches())) {
            throw new IllegalArgumentException("tenantId must be the Entra tenant GUID like '" + LandingUris.EXAMPLE_GUID
                    + "' or a verified domain like 'contoso.onmicrosoft.com' (value not shown)");
        }
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException("clientId must be the service principal's application (client) id like '"
                    + LandingUris.EXAMPLE_GUID + "', got an empty value");
        }
        if (clientSecret == null || clientSecret.isEmpty()) {
            throw new IllegalArgumentException("clientSecret must not be empty (value not shown)");
        }
        Map<String, String> m = new LinkedHashMap<>();
        m.put(AUTH_TYPE + "." + host, "OAuth");
        m.put(PROVIDER_TYPE + "." + host, CLIENT_CREDS_PROVIDER);
        m.put(CLIENT_ID + "." + host, clientId.trim());
        m.put(CLIENT_SECRET + "." + host, clientSecret);
        m.put(CLIENT_ENDPOINT + "." + host, "https://" + LandingUris.LOGIN_HOST + "/" + tenantId.trim() + "/oauth2/token");
        return new AbfsAuthConfig(host, Kind.CLIENT_CREDENTIALS, m, Set.of(CLIENT_SECRET + "." + host));
    }

    /** Managed identity as the job configuration names it. */
    static AbfsAuthConfig managedIdentity(String host, com.ztplatform.landing.contract.JobConfig.ManagedIdentity identity) {
        return managedIdentity(host, identity.tenantId().orElse(null), identity.clientId().orElse(null));
    }

    /**
     * Managed identity through the instance metadata endpoint (IMDS).
     *
     * @param host     the storage host the settings are for
     * @param tenantId optional tenant GUID ({@code null} = empty)
     * @param clientId optional client id of a user-assigned identity ({@code null} = the VM's only identity)
     * @return the settings for that host
     * @throws IllegalArgumentException when the host is not a lowercase DNS name
     */
    public static AbfsAuthConfig managedIdentity(String host, String tenantId, String clientId) {
        requireHost(host);
        Map<String, String> m = new LinkedHashMap<>();
        m.put(AUTH_TYPE + "." + host, "OAuth");
        m.put(PROVIDER_TYPE + "." + host, MSI_PROVIDER);
        m.put(MSI_TENANT + "." + host, tenantId == null ? "" : tenantId.trim());
        m.put(CLIENT_ID + "." + host, clientId == null ? "" : clientId.trim());
        return new AbfsAuthConfig(host, Kind.MANAGED_IDENTITY, m, Set.of());
    }

    private static void requireHost(String host) {
        if (host == null || !HOST.matcher(host).matches()) {
            throw new IllegalArgumentException("host must be a lowercase DNS name like '" + LandingUris.ONELAKE_HOST
                    + "' or 'stztlanding.dfs.core.windows.net', got '" + host + "'");
        }
    }

    /**
     * The storage host these settings are for (each Hadoop key ends in it).
     *
     * @return the host name
     */
    public String host() {
        return host;
    }

    /**
     * Which identity the settings use.
     *
     * @return the kind, for the log and the manifest
     */
    public Kind kind() {
        return kind;
    }

    /**
     * All entries including secret values: only for handing to Spark/Hadoop configuration.
     *
     * @return Hadoop key to value, in a fixed order
     */
    public Map<String, String> entries() {
        return entries;
    }

    /**
     * The entries with secret values replaced by {@value Redactor#MASK}: safe to print.
     *
     * @return Hadoop key to value or mask, in the same order as {@link #entries()}
     */
    public Map<String, String> redactedEntries() {
        Map<String, String> m = new LinkedHashMap<>();
        entries.forEach((k, v) -> m.put(k, secretKeys.contains(k) ? Redactor.MASK : v));
        return Collections.unmodifiableMap(m);
    }

    /**
     * Sets every entry through {@code setter} (e.g. {@code spark.conf()::set}, {@code hadoopConf::set}).
     *
     * @param setter receives each Hadoop key and value, secret values included
     */
    public void applyTo(BiConsumer<String, String> setter) {
        entries.forEach(setter);
    }

    @Override
    public String toString() {
        return "AbfsAuthConfig{host=" + host + ", kind=" + kind + ", entries=" + redactedEntries() + "}";
    }
}
