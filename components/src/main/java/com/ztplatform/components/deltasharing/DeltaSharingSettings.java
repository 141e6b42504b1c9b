package com.ztplatform.components.deltasharing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Delta Sharing settings of one stack, as plain data (the stack's {@code deltaSharing} section): shares of chosen
 * tables of this environment's catalogs and the recipients that may read them.
 *
 * <p>Recipients are {@code DATABRICKS} (Databricks-to-Databricks, named by the partner metastore's sharing identifier,
 * no token at all); every recipient names the approval it was created under. Open ({@code TOKEN}) recipients are
 * refused: an open recipient's client downloads the shared files straight from the lake's storage through the
 * short-lived URLs the sharing server hands out (the Delta Sharing protocol's file {@code url},
 * github.com/delta-io/delta-sharing/blob/main/PROTOCOL.md), and the lake's firewall denies every network except
 * Unity Catalog's access connector ({@code DataLake#networkRuleSet}). Such a recipient would be created, receive a
 * token, and never read a byte; admitting it would mean an IP rule on the lake for every partner, which
 * {@code data-lake-hardening} forbids. A {@code DATABRICKS} recipient's compute downloads the files the same way
 * (https://community.databricks.com/t5/technical-blog/databricks-to-databricks-delta-sharing-secure-sharing-across/ba-p/48306,
 * https://learn.microsoft.com/azure/databricks/data-sharing/troubleshooting), so it too needs storage that admits its
 * network: the platform stack refuses recipients on its own firewalled lake; these settings allow them for a lake
 * whose firewall does.
 *
 * @param enabled           whether shares and recipients are created; default {@link #defaultEnabled}: off in
 *                          {@code dev}, on elsewhere
 * @param tokenLifetimeDays lifetime of bearer tokens set on a metastore this stack creates, 1-365; it bounds any open
 *                          recipient created outside this program. Optional
 * @param shares            the shares; default none
 * @param recipients        the recipients; default none
 */
public record DeltaSharingSettings(boolean enabled, Optional<Integer> tokenLifetimeDays, List<ShareSpec> shares,
                                   List<RecipientSpec> recipients) {
    /** Databricks-to-Databricks recipients, by sharing identifier. */
    public static final String DATABRICKS = "DATABRICKS";
    /** Open-sharing recipients, with a bearer token: refused (see the class comment). */
    public static final String TOKEN = "TOKEN";
    /** The longest token lifetime accepted, in days. */
    public static final int MAX_TOKEN_LIFETIME_DAYS = 365;
    static final Pattern NAME = Pattern.compile("^[a-z][a-z0-9_]{0,62}$");
    static final Pattern TABLE = Pattern.compile("^([a-z][a-z0-9_]*)\\.([a-z][a-z0-9_]*)\\.([a-z][a-z0-9_]*)$");
    /** {@code <cloud>:<region>:<metastore-uuid>} (RecipientInfo.data_recipient_global_metastore_id, https://docs.databricks.com/api/sharing/v1/delete-recipient). */
    static final Pattern SHARING_ID = Pattern.compile("^(azure|aws|gcp):[a-z0-9-]+:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}"
            + "-[0-9a-f]{4}-[0-9a-f]{12}$");

    /**
     * A share: tables ({@code catalog.schema.table}, the catalog as configured in unityCatalog) and its recipients.
     *
     * @param name       like {@code sales_partners}; created as {@code <environment>_<name>}
     * @param tables     the shared tables, like {@code sales.curated.orders}
     * @param recipients names of configured recipients that may read the share
     */
    public record ShareSpec(String name, List<String> tables, List<String> recipients) {
        /**
         * Copies the lists.
         *
         * @param name       the share's configured name
         * @param tables     the shared tables
         * @param recipients the recipients' configured names
         */
        public ShareSpec {
            tables = List.copyOf(tables);
            recipients = List.copyOf(recipients);
        }
    }

    /**
     * A recipient.
     *
     * @param name              like {@code partner_acme}; created as {@code <environment>_<name>}
     * @param authenticationType {@value DeltaSharingSettings#DATABRICKS} or {@value DeltaSharingSettings#TOKEN}
     * @param sharingIdentifier DATABRICKS: the partner metastore's {@code azure:westeurope:<uuid>}
     * @param ipAccessList      applies to open recipients only, which are refused; must be empty
     * @param approval          the change or ticket that approved this recipient, like {@code CHG-1234}; required
     */
    public record RecipientSpec(String name, String authenticationType, Optional<String> sharingIdentifier,
                                List<String> ipAccessList, String approval) {
        /**
         * Copies the IP access list; {@code sharingIdentifier} must not be null (empty for a TOKEN recipient).
         *
         * @param name               the recipient's configured name
         * @param authenticationType DATABRICKS or TOKEN
         * @param sharingIdentifier  the partner metastore's sharing identifier (DATABRICKS)
         * @param ipAccessList       the addresses the recipient reads from (TOKEN)
         * @param approval           the approving change or ticket
         */
        public RecipientSpec {
            Objects.requireNonNull(sharingIdentifier, "sharingIdentifier");
            ipAccessList = List.copyOf(ipAccessList);
        }
    }

    /**
     * Copies the lists; {@code tokenLifetimeDays} must not be null (empty when unset).
     *
     * @param enabled           whether shares and recipients are created
     * @param tokenLifetimeDays lifetime of open recipients' tokens, in days
     * @param shares            the shares
     * @param recipients        the recipients
     */
    public DeltaSharingSettings {
        Objects.requireNonNull(tokenLifetimeDays, "tokenLifetimeDays");
        shares = List.copyOf(shares);
        recipients = List.copyOf(recipients);
    }

    /**
     * The one default of {@code enabled}: sharing data outside the platform is off in dev.
     *
     * @param environment the stack's environment, like dev or prod
     * @return false in dev, true elsewhere
     */
    public static boolean defaultEnabled(String environment) {
        return !"dev".equals(environment);
    }

    /**
     * The object name in the metastore, shared by the region's environments: {@code prod_partner_acme}.
     *
     * @param environment the environment, like prod
     * @param name        the configured name, like partner_acme
     * @return the metastore name, like prod_partner_acme
     */
    public static String objectName(String environment, String name) {
        return environment + "_" + name;
    }

    /**
     * Whether any recipient is an open (token) recipient.
     *
     * @return true when a TOKEN recipient is configured
     */
    public boolean hasOpenRecipients() {
        return recipients.stream().anyMatch(r -> TOKEN.equals(r.authenticationType()));
    }

    /**
     * The token lifetime in seconds, as the metastore takes it.
     *
     * @return the lifetime, or empty when not set
     */
    public Optional<Integer> tokenLifetimeSeconds() {
        return tokenLifetimeDays.map(d -> d * 86_400);
    }

    /**
     * Every problem, each naming its key under {@code path} and a valid example.
     *
     * @param catalogs the configured catalog names (unityCatalog.catalogs[].name) a shared table may be in
     * @param path prefix of every message, like zt-databricks:deltaSharing
     * @return the problems; empty when valid
     */
    public List<String> problems(String path, Set<String> catalogs) {
        var problems = new ArrayList<String>();
        tokenLifetimeDays.filter(d -> d < 1 || d > MAX_TOKEN_LIFETIME_DAYS).ifPresent(d -> problems.add(path
                + ".tokenLifetimeDays must be 1-" + MAX_TOKEN_LIFETIME_DAYS + ", like 30, got " + d));
        var recipientNames = new HashSet<String>();
        for (int i = 0; i < recipients.size(); i++) {
            var r = recipients.get(i);
            var at = path + ".recipients[" + i + "]";
            if (!NAME.matcher(r.name()).matches()) {
                problems.add(at + ".name must be 1-63 lowercase letters, digits or '_' starting with a letter, like "
                        + "partner_acme, got '" + r.name() + "'");
            } else if (!recipientNames.add(r.name())) {
                problems.add(at + ".name '" + r.name() + "' is used twice");
            }
            if (r.approval() == null || r.approval().isBlank()) {
                problems.add(at + ".approval is required: the change that approved this recipient, like CHG-1234 "
                        + "(see the README, who approves a recipient)");
            }
            if (DATABRICKS.equals(r.authenticationType())) {
                if (r.sharingIdentifier().filter(id -> SHARING_ID.matcher(id).matches()).isEmpty()) {
                    problems.add(at + ".sharingIdentifier is required for a DATABRICKS recipient: the partner "
                            + "metastore's sharing identifier, like azure:westeurope:0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9"
                            + r.sharingIdentifier().map(id -> ", got '" + id + "'").orElse(""));
                }
                if (!r.ipAccessList().isEmpty()) {
                    problems.add(at + ".ipAccessList applies to open (TOKEN) recipients only, which are refused; a "
                            + "DATABRICKS recipient reads through its own metastore. Remove it");
                }
            } else if (TOKEN.equals(r.authenticationType())) {
                problems.add(at + ".authenticationType TOKEN (open sharing) is refused: an open recipient downloads the "
                        + "shared files directly from the lake's storage through short-lived URLs, and the lake's "
                        + "firewall admits no network (only Unity Catalog's access connector), so the recipient could "
                        + "be created but never read data. Use authenticationType: DATABRICKS with the partner "
                        + "metastore's sharingIdentifier, like azure:westeurope:0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9 "
                        + "(see the README, Delta Sharing)");
            } else {
                problems.add(at + ".authenticationType must be DATABRICKS, like DATABRICKS, got '"
                        + r.authenticationType() + "'");
            }
        }
        var shareNames = new HashSet<String>();
        for (int i = 0; i < shares.size(); i++) {
            var s = shares.get(i);
            var at = path + ".shares[" + i + "]";
            if (!NAME.matcher(s.name()).matches()) {
                problems.add(at + ".name must be 1-63 lowercase letters, digits or '_' starting with a letter, like "
                        + "sales_partners, got '" + s.name() + "'");
            } else if (!shareNames.add(s.name())) {
                problems.add(at + ".name '" + s.name() + "' is used twice");
            }
            if (s.tables().isEmpty()) {
                problems.add(at + ".tables must name at least one table, like [sales.orders.daily]");
            }
            for (var table : s.tables()) {
                var m = TABLE.matcher(table);
                if (!m.matches()) {
                    problems.add(at + ".tables: '" + table + "' must be catalog.schema.table with the catalog as "
                            + "configured in unityCatalog, like sales.orders.daily");
                } else if (!catalogs.contains(m.group(1))) {
                    problems.add(at + ".tables: '" + table + "' is not in a catalog of this stack; one of "
                            + (catalogs.isEmpty() ? "(no catalogs: add unityCatalog.catalogs)"
                            : String.join(", ", catalogs.stream().sorted().toList())));
                }
            }
            for (var recipient : s.recipients()) {
                if (recipients.stream().noneMatch(r -> r.name().equals(recipient))) {
                    problems.add(at + ".recipients: '" + recipient + "' is not a configured recipient; one of "
                            + (recipients.isEmpty() ? "(none: add deltaSharing.recipients)"
                            : String.join(", ", recipients.stream().map(RecipientSpec::name).toList())));
                }
            }
        }
        return problems;
    }
}
