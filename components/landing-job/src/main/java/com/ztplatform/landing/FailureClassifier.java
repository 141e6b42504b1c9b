package com.ztplatform.landing;

import com.ztplatform.landing.contract.LandingUris;

import java.io.FileNotFoundException;
import java.lang.reflect.Method;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import javax.net.ssl.SSLException;

import org.apache.spark.SparkThrowable;

/**
 * Maps an exception (walking its cause chain) to the most likely operational cause, so a failed run says
 * what to fix. Works on type names and messages rather than on hadoop-azure classes: Databricks ships the
 * ABFS driver shaded ({@code shaded.databricks.azurebfs...}), so the classes differ between runtimes.
 */
public final class FailureClassifier {

    /** Likely causes, in the order they are tested. */
    public enum Category {
        /** A secret could not be read from the scope. */
        SECRETS,
        /** A host did not resolve from the cluster. */
        DNS,
        /** Entra ID refused the identity (AADSTS errors: tenant, client id or secret). */
        AUTHENTICATION,
        /** Unity Catalog refused the run-as principal a privilege on a source. */
        UNITY_CATALOG_PERMISSION,
        /** The target refused the identity (HTTP 403: its access to the workspace or account is missing). */
        AUTHORISATION,
        /** The connection was blocked (a network error, or HTTP 470 from the firewall). */
        FIREWALL,
        /** A source does not exist. */
        SOURCE_NOT_FOUND,
        /** The landing target does not exist or cannot be written. */
        TARGET_NOT_WRITABLE,
        /** None of the above. */
        UNKNOWN
    }

    /** Where in the job the failure happened; decides how "not found"/"not writable" read. */
    public enum Stage {
        /** Reading a source. */
        SOURCE,
        /** Writing the landing target. */
        TARGET
    }

    /**
     * A classification: the category and a one-line, actionable hint.
     *
     * @param category the likely cause
     * @param hint     what to check or fix, naming the source, target or host in play
     */
    public record Cause(Category category, String hint) {
    }

    private static final Pattern HTTP_403 = Pattern.compile(
            "(?i)(\\b(status ?code|statuscode|http|status)[ =:]*403\\b|,\\s*403\\s*,|\\b403\\s+forbidden\\b)");
    private static final Pattern HTTP_401 = Pattern.compile(
            "(?i)(\\b(status ?code|statuscode|http|status)[ =:]*401\\b|,\\s*401\\s*,|\\b401\\s+unauthorized\\b)");
    private static final Pattern HTTP_470 = Pattern.compile("\\b470\\b");

    /**
     * Unity Catalog's denial text, like "User does not have READ VOLUME on Volume 'main.raw.exports'" (error classes
     * INSUFFICIENT_PERMISSIONS and PERMISSION_DENIED,
     * learn.microsoft.com/azure/databricks/error-messages/error-classes): the privilege and the securable it names.
     */
    private static final Pattern UC_DENIED = Pattern.compile("(?i)does not have (?:the )?([A-Z_ ]+?) (?:privilege )?on "
            + "(catalog|schema|table|view|volume|external location|function)\\s+(?:[`']([^`']+)[`']|([\\w.-]+))");
    private static final Pattern UC_ERROR_CLASS = Pattern.compile("(?i)\\b(INSUFFICIENT_PERMISSIONS|PERMISSION_DENIED)\\b");

    private FailureClassifier() {
    }

    /**
     * Classifies {@code t}.
     *
     * @param t        the failure, with its cause chain
     * @param stage    whether a source was being read or the target written
     * @param sourceId the source in play (may be {@code null})
     * @param target   the landing URI in play (may be {@code null})
     * @return the category and hint
     */
    public static Cause classify(Throwable t, Stage stage, String sourceId, String target) {
        return classify(t, stage, sourceId, target, null);
    }

    /**
     * Classifies {@code t}, naming {@code oneLakeHost} wherever a hint says which OneLake name to resolve or allow.
     *
     * @param t           the failure
     * @param stage       where the job was when it failed
     * @param sourceId    the source in play (may be {@code null})
     * @param target      the landing URI in play (may be {@code null})
     * @param oneLakeHost the OneLake DFS host the job is configured for: with {@code landing.oneLakeRegion} the
     *                    regional host, which is the only OneLake name the firewall allows, so a hint naming the
     *                    global one would send the operator to open the wrong name. {@code null}: the target's
     *                    host when it is a OneLake host, else the global {@value LandingUris#ONELAKE_HOST}
     * @return the category and hint
     */
    public static Cause classify(Throwable t, Stage stage, String sourceId, String target, String oneLakeHost) {
        List<Throwable> chain = chain(t);
        String text = allText(chain);
        String lower = text.toLowerCase(Locale.ROOT);
        String tgt = target == null ? "the landing target" : target;
        String host = target == null || !target.contains("@") ? null : safeHost(target);
        String oneLake = oneLakeHost != null && !oneLakeHost.isBlank() ? oneLakeHost
                : host != null && isOneLakeHost(host) ? host : LandingUris.ONELAKE_HOST;
        if (host == null) {
            host = oneLake;
        }

        if (any(chain, SecretAccessException.class)) {
            return new Cause(Category.SECRETS, "secrets: the secret scope or key could not be read: check the scope"
                    + " name and secret keys in the job parameters and that the job identity can read the scope");
        }
        UnknownHostException uhe = first(chain, UnknownHostException.class);
        if (uhe != null || lower.contains("name or service not known") || lower.contains("temporary failure in name resolution")
                || lower.contains("nodename nor servname") || lower.contains("no such host is known")) {
            String h = uhe != null && uhe.getMessage() != null ? uhe.getMessage().split("[:\\s]")[0] : host;
            if (h.isBlank()) {
                h = host;
            }
            return new Cause(Category.DNS, "DNS: the cluster cannot resolve " + h + "; check the firewall DNS proxy /"
                    + " private DNS (the spoke VNet's DNS servers must forward public names such as "
                    + oneLake + " and " + LandingUris.LOGIN_HOST + ")");
        }
        if (lower.contains("aadsts") || lower.contains("invalid_client") || lower.contains("unauthorized_client")
                || lower.contains("invalid_tenant") || lower.contains("azureadauthenticator") && !isNetwork(chain)
                || statusCode(chain) == 401 || HTTP_401.matcher(text).find()
                || lower.contains("invalidauthenticationinfo")) {
            return new Cause(Category.AUTHENTICATION, "authentication with Microsoft Entra ID failed: check the tenant"
                    + " id, client id and client secret in the secret scope (expired or rotated secret?) and that the"
                    + " service principal exists in that tenant");
        }
        java.util.regex.Matcher uc = UC_DENIED.matcher(text);
        if (uc.find()) {
            String privilege = uc.group(1).trim().toUpperCase(Locale.ROOT).replace('_', ' ');
            String kind = uc.group(2).toUpperCase(Locale.ROOT);
            String securable = (uc.group(3) != null ? uc.group(3) : uc.group(4)).replaceAll("[.]+$", "");
            return new Cause(Category.UNITY_CATALOG_PERMISSION, "Unity Catalog permission: the job's run-as principal"
                    + " lacks " + privilege + " on " + kind + " " + securable + "; grant it: GRANT " + privilege + " ON "
                    + kind + " " + securable + " TO `<run-as application id>` (the platform program grants USE CATALOG,"
                    + " USE SCHEMA, SELECT / READ VOLUME for every configured source: re-run pulumi up if this source is"
                    + " new)");
        }
        if (UC_ERROR_CLASS.matcher(text).find() && sourceId != null && stage == Stage.SOURCE) {
            return new Cause(Category.UNITY_CATALOG_PERMISSION, "Unity Catalog permission: access to " + sourceId
                    + " was denied; the run-as principal needs USE CATALOG and USE SCHEMA on its parents and SELECT"
                    + " (table) or READ VOLUME (volume) on it");
        }
        if (statusCode(chain) == 403 || HTTP_403.matcher(text).find()
                || lower.contains("authorizationpermissionmismatch") || lower.contains("this request is not authorized")
                || lower.contains("authorizationfailure") || lower.contains("insufficientaccountpermissions")
                || lower.contains("forbidden")) {
            return new Cause(Category.AUTHORISATION, "authorisation in Fabric: grant the service principal access to"
                    + " the lakehouse folder (OneLake data access role) or workspace Contributor"
                    + (host.endsWith(LandingUris.STORAGE_DFS_SUFFIX)
                    ? " (staged mode: 'Storage Blob Data Contributor' on the container)" : "")
                    + "; also check the Fabric tenant setting that lets service principals use Fabric APIs");
        }
        if (isNetwork(chain) || HTTP_470.matcher(text).find() || lower.contains("firewall")
                || lower.contains("action: deny") || lower.contains("no rule matched")
                || lower.contains("connection refused") || lower.contains("connect timed out")
                || lower.contains("connection reset") || lower.contains("remote host terminated the handshake")) {
            return new Cause(Category.FIREWALL, "firewall: allow " + oneLake + " and "
                    + LandingUris.LOGIN_HOST + " from the Databricks subnets (Azure Firewall application rule, HTTPS"
                    + " 443)" + (host.equals(oneLake) ? "" : " and " + host)
                    + "; check AZFWApplicationRule logs for Deny entries");
        }
        if (stage == Stage.SOURCE && isNotFound(chain, lower)) {
            return new Cause(Category.SOURCE_NOT_FOUND, "source not found: " + (sourceId == null ? "(unknown source)" : sourceId)
                    + " (check the table name or path, and that the job's identity has SELECT / READ VOLUME on it)");
        }
        if (stage == Stage.TARGET && sourceId != null && isNotFound(chain, lower) && mentionsSource(lower, sourceId)) {
            return new Cause(Category.SOURCE_NOT_FOUND, "source not found: " + sourceId
                    + " (it changed or disappeared while it was being copied; re-run the job)");
        }
        if (stage == Stage.TARGET && isNotWritable(chain, lower)) {
            return new Cause(Category.TARGET_NOT_WRITABLE, "target not writable: " + tgt + " (the landing folder must be"
                    + " a directory the job identity may create files in; a file or read-only location is in the way)");
        }
        if (stage == Stage.TARGET && isNotFound(chain, lower)) {
            return new Cause(Category.TARGET_NOT_WRITABLE, "target not found or not writable: " + tgt
                    + " (check that the workspace, lakehouse / container and folder exist)");
        }
        return new Cause(Category.UNKNOWN, "unexpected failure (no known cause matched; see the error below)");
    }

    /**
     * The evidence to quote after the hint: the secret-access message itself for {@link Category#SECRETS} (it
     * names scope and key), otherwise the root cause.
     *
     * @param t        the failure
     * @param category how it was classified
     * @return one line of evidence
     */
    public static String describe(Throwable t, Category category) {
        if (category == Category.SECRETS) {
            SecretAccessException s = first(chain(t), SecretAccessException.class);
            if (s != null) {
                return s.getMessage();
            }
        }
        return describeRoot(t);
    }

    /**
     * The deepest cause, for the "caused by" part of a message.
     *
     * @param t the failure
     * @return the last exception of its cause chain (itself when it has none)
     */
    public static Throwable rootCause(Throwable t) {
        List<Throwable> c = chain(t);
        return c.get(c.size() - 1);
    }

    /**
     * "Type: message" of the root cause, one line, shortened.
     *
     * @param t the failure
     * @return the root cause's simple class name and message, without Spark's appended plan
     */
    public static String describeRoot(Throwable t) {
        Throwable r = rootCause(t);
        String msg = r.getMessage() == null ? "" : r.getMessage();
        int plan = msg.indexOf(";\n'"); // Spark analysis errors append the unresolved plan: not useful here
        if (plan > 0) {
            msg = msg.substring(0, plan);
        }
        msg = msg.replaceAll("\\s+", " ").trim();
        if (msg.length() > 600) {
            msg = msg.substring(0, 600) + "...";
        }
        return r.getClass().getName() + (msg.isEmpty() ? "" : ": " + msg);
    }

    private static boolean isNetwork(List<Throwable> chain) {
        for (Throwable t : chain) {
            if (t instanceof SocketTimeoutException || t instanceof ConnectException || t instanceof NoRouteToHostException
                    || t instanceof SSLException && String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT)
                    .contains("handshake")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isNotFound(List<Throwable> chain, String lower) {
        for (Throwable t : chain) {
            if (t instanceof FileNotFoundException || t instanceof java.nio.file.NoSuchFileException) {
                return true;
            }
            if (t instanceof SparkThrowable st) {
                String ec = errorClass(st);
                if (ec != null && (ec.contains("NOT_FOUND") || ec.startsWith("DELTA_MISSING")
                        || ec.equals("DELTA_PATH_DOES_NOT_EXIST") || ec.equals("DELTA_TABLE_NOT_FOUND"))) {
                    return true;
                }
            }
        }
        return lower.contains("path does not exist") || lower.contains("table or view not found")
                || lower.contains("cannot be found") || lower.contains("is not a delta table")
                || lower.contains("does not exist") || lower.contains("pathnotfound") || lower.contains("no such file");
    }

    private static boolean isNotWritable(List<Throwable> chain, String lower) {
        for (Throwable t : chain) {
            if (t instanceof AccessDeniedException || t instanceof java.nio.file.FileAlreadyExistsException
                    || t instanceof java.nio.file.NotDirectoryException || t instanceof java.nio.file.ReadOnlyFileSystemException
                    || t instanceof FileSystemException && String.valueOf(t.getMessage()).contains("Read-only")) {
                return true;
            }
            String n = t.getClass().getSimpleName();
            if (n.equals("ParentNotDirectoryException") || n.equals("FileAlreadyExistsException")
                    || n.equals("PathIsNotDirectoryException") || n.equals("PathAccessDeniedException")) {
                return true;
            }
        }
        return lower.contains("mkdirs failed") || lower.contains("not a directory") || lower.contains("permission denied")
                || lower.contains("read-only file system") || lower.contains("is not a directory")
                || lower.contains("parent path is not a directory") || lower.contains("already exists as a file")
                || lower.contains("failed to rename") || lower.contains("rename failed");
    }

    private static boolean mentionsSource(String lower, String sourceId) {
        String s = sourceId.toLowerCase(Locale.ROOT);
        int colon = s.indexOf(':');
        String tail = colon >= 0 ? s.substring(colon + 1).replaceFirst("^/+", "/") : s;
        return lower.contains(s) || lower.contains(tail);
    }

    private static String errorClass(SparkThrowable st) {
        try {
            return st.getErrorClass();
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
    }

    /** The HTTP status of an ABFS/REST exception anywhere in the chain (reflective: the class is shaded on Databricks). */
    static int statusCode(List<Throwable> chain) {
        for (Throwable t : chain) {
            for (String name : new String[] {"getStatusCode", "getHttpErrorCode"}) {
                try {
                    Method m = t.getClass().getMethod(name);
                    if (m.getReturnType() == int.class) {
                        int code = (int) m.invoke(t);
                        if (code >= 400) {
                            return code;
                        }
                    }
                } catch (ReflectiveOperationException | RuntimeException ignored) {
                    // not a REST exception
                }
            }
        }
        return -1;
    }

    /** The global OneLake DFS host or a regional one ({@code <region>-onelake.dfs.fabric.microsoft.com}). */
    static boolean isOneLakeHost(String host) {
        return host.equals(LandingUris.ONELAKE_HOST) || host.endsWith("-" + LandingUris.ONELAKE_HOST);
    }

    private static String safeHost(String target) {
        try {
            return LandingUris.hostOf(target);
        } catch (IllegalArgumentException e) {
            return LandingUris.ONELAKE_HOST;
        }
    }

    static List<Throwable> chain(Throwable t) {
        List<Throwable> out = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Throwable c = t;
        while (c != null && seen.add(c)) {
            out.add(c);
            for (Throwable s : c.getSuppressed()) {
                if (seen.add(s)) {
                    out.add(s);
                }
            }
            c = c.getCause();
        }
        return out;
    }

    private static String allText(List<Throwable> chain) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t : chain) {
            sb.append(t.getClass().getName()).append(": ").append(t.getMessage()).append('\n');
        }
        return sb.toString();
    }

    private static boolean any(List<Throwable> chain, Class<? extends Throwable> type) {
        return first(chain, type) != null;
    }

    private static <T extends Throwable> T first(List<Throwable> chain, Class<T> type) {
        for (Throwable t : chain) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
