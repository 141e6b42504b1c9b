package com.ztplatform.components.deltasharing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.ztplatform.components.lake.StorageIpRules;

/**
 * Delta Sharing settings of one stack, as plain data (the stack's {@code deltaSharing} section): shares of tables of
 * the environment's sharing catalog and the recipients that may read them.
 *
 * <p>Every recipient, open ({@code TOKEN}) or Databricks-to-Databricks ({@code DATABRICKS}), downloads the shared files
 * itself, straight from the provider's storage, through the short-lived pre-signed URLs the sharing server hands out
 * (the Delta Sharing protocol's file {@code url}, github.com/delta-io/delta-sharing/blob/main/PROTOCOL.md; the URLs are
 * read-only and scoped to one file, delta-io/delta-sharing PR #59; for D2D on Azure,
 * https://learn.microsoft.com/azure/databricks/data-sharing/troubleshooting). The lake's firewall admits no network,
 * so shared tables never live in the lake: they live in the sharing catalog ({@value #SHARING_CATALOG}, created as
 * {@code <environment>_sharing}), whose storage is a separate account whose public endpoint admits exactly the
 * recipients' declared networks ({@link #storageIpRules()}, {@code com.ztplatform.components.lake.SharingStorage}).
 * Data is published to partners by copying it there (a CTAS or {@code DEEP CLONE} from a curated catalog), which is
 * the deliberate act of release; the lake stays closed.
 *
 * <ul>
 *   <li>{@code DATABRICKS}: named by the partner metastore's sharing identifier; {@code storageNetworks} (required)
 *       are the public egress addresses of the partner's compute, which the sharing account admits.</li>
 *   <li>{@code TOKEN} (open sharing): {@code ipAccessList} (required, at most {@value #MAX_IP_ACCESS_LIST} IPv4
 *       entries) is both the recipient's IP access list in Databricks and what the sharing account admits; the
 *       metastore's {@code tokenLifetimeDays} is required.</li>
 * </ul>
 * Every recipient names the approval it was created under.
 *
 * @param enabled           whether shares and recipients are created; default {@link #defaultEnabled}: off in
 *                          {@code dev}, on elsewhere
 * @param tokenLifetimeDays lifetime of bearer tokens set on a metastore this stack creates, 1-365; required with an
 *                          open recipient
 * @param shares            the shares; default none
 * @param recipients        the recipients; default none
 */
public record DeltaSharingSettings(boolean enabled, Optional<Integer> tokenLifetimeDays, List<ShareSpec> shares,
                                   List<RecipientSpec> recipients) {
    /** Databricks-to-Databricks recipients, by sharing identifier. */
    public static final String DATABRICKS = "DATABRICKS";
    /** Open-sharing recipients, with a bearer token, an IP access list and a token lifetime. */
    public static final String TOKEN = "TOKEN";
    /** The configured name of the sharing catalog, the only catalog whose tables a share may hold. */
    public static final String SHARING_CATALOG = com.ztplatform.components.unitycatalog.UnityCatalogSettings.SHARING_CATALOG;
    /** The most entries of a recipient's IP access list (RecipientIpAccessList.allowedIpAddresses: limit of 100). */
    public static final int MAX_IP_ACCESS_LIST = 100;
    /** The longest token lifetime accepted, in days. */
    public static final int MAX_TOKEN_LIFETIME_DAYS = 365;
    static final Pattern NAME = Pattern.compile("^[a-z][a-z0-9_]{0,62}$");
    static final Pattern TABLE = Pattern.compile("^([a-z][a-z0-9_]*)\\.([a-z][a-z0-9_]*)\\.([a-z][a-z0-9_]*)$");
    /** {@code <cloud>:<region>:<metastore-uuid>} (RecipientInfo.data_recipient_global_metastore_id, https://docs.databricks.com/api/sharing/v1/delete-recipient). */
    static final Pattern SHARING_ID = Pattern.compile("^(azure|aws|gcp):[a-z0-9-]+:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}"
            + "-[0-9a-f]{4}-[0-9a-f]{12}$");

    /**
     * A share: tables ({@code sharing.schema.table}, of the sharing catalog) and its recipients.
     *
     * @param name       like {@code sales_partners}; created as {@code <environment>_<name>}
     * @param tables     the shared tables, like {@code sharing.orders.daily}
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
     * @param ipAccessList      TOKEN (required): the public IPv4 addresses or ranges the recipient reads from; also
     *                          admitted by the sharing account
     * @param storageNetworks   DATABRICKS (required): the public egress addresses or ranges of the partner's compute,
     *                          admitted by the sharing account
     * @param approval          the change or ticket that approved this recipient, like {@code CHG-1234}; required
     */
    public record RecipientSpec(String name, String authenticationType, Optional<String> sharingIdentifier,
                                List<String> ipAccessList, List<String> storageNetworks, String approval) {
        /**
         * Copies the IP access list; {@code sharingIdentifier} must not be null (empty for a TOKEN recipient).
         *
         * @param name               the recipient's configured name
         * @param authenticationType DATABRICKS or TOKEN
         * @param sharingIdentifier  the partner metastore's sharing identifier (DATABRICKS)
         * @param ipAccessList       the addresses the recipient reads from (TOKEN)
         * @param storageNetworks    the partner compute's egress addresses (DATABRICKS)
         * @param approval           the approving change or ticket
         */
        public RecipientSpec {
            Objects.requireNonNull(sharingIdentifier, "sharingIdentifier");
            ipAccessList = List.copyOf(ipAccessList);
            storageNetworks = List.copyOf(storageNetworks);
        }

        /**
         * The networks the sharing account must admit for this recipient: its storage networks (DATABRICKS) or its
         * IP access list (TOKEN).
         *
         * @return the rule values
         */
        public List<String> networks() {
            return TOKEN.equals(authenticationType) ? ipAccessList : storageNetworks;
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
     * Whether the sharing account and catalog exist: sharing is enabled and at least one recipient is configured.
     *
     * @return true when the stack builds the sharing storage
     */
    public boolean needsSharingStorage() {
        return enabled && !recipients.isEmpty();
    }

    /**
     * The sharing account's IP rules: the union of every recipient's {@link RecipientSpec#networks()}, distinct and
     * in address order. Call on valid settings only.
     *
     * @return the IP rule values
     */
    public List<String> storageIpRules() {
        return StorageIpRules.union(recipients.stream().flatMap(r -> r.networks().stream()).toList());
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
     * @param catalogs the lake's configured catalog names (unityCatalog.catalogs[].name), to say why their tables
     *                 cannot be shared
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
                    problems.add(at + ".ipAccessList applies to open (TOKEN) recipients only; a DATABRICKS recipient "
                            + "is admitted by storageNetworks. Move the addresses to storageNetworks, like ["
                            + StorageIpRules.EXAMPLE_RANGE + "]");
                }
                if (r.storageNetworks().isEmpty()) {
                    problems.add(at + ".storageNetworks is required for a DATABRICKS recipient: the public egress "
                            + "addresses of the partner's compute (its NAT gateway or firewall), which the sharing "
                            + "account's firewall admits, because the partner's clusters download the shared files "
                            + "from it directly, like [" + StorageIpRules.EXAMPLE_RANGE + "]");
                }
                problems.addAll(StorageIpRules.problems(at + ".storageNetworks", r.storageNetworks()));
            } else if (TOKEN.equals(r.authenticationType())) {
                r.sharingIdentifier().ifPresent(id -> problems.add(at + ".sharingIdentifier applies to DATABRICKS "
                        + "recipients only; an open (TOKEN) recipient is identified by its token. Remove it"));
                if (!r.storageNetworks().isEmpty()) {
                    problems.add(at + ".storageNetworks applies to DATABRICKS recipients only; an open (TOKEN) "
                            + "recipient's ipAccessList is what the sharing account admits. Move the addresses to "
                            + "ipAccessList");
                }
                if (r.ipAccessList().isEmpty()) {
                    problems.add(at + ".ipAccessList is required for an open (TOKEN) recipient: the public addresses "
                            + "it reads from, enforced by Databricks on the token and by the sharing account's "
                            + "firewall on the files, like [" + StorageIpRules.EXAMPLE_RANGE + "]");
                } else if (r.ipAccessList().size() > MAX_IP_ACCESS_LIST) {
                    problems.add(at + ".ipAccessList has " + r.ipAccessList().size() + " entries; Databricks takes "
                            + "at most " + MAX_IP_ACCESS_LIST + ": use ranges, like " + StorageIpRules.EXAMPLE_RANGE);
                }
                problems.addAll(StorageIpRules.problems(at + ".ipAccessList", r.ipAccessList()));
                if (tokenLifetimeDays.isEmpty()) {
                    problems.add(at + " is an open (TOKEN) recipient: " + path + ".tokenLifetimeDays is required, "
                            + "so its bearer token expires, like 30");
                }
            } else {
                problems.add(at + ".authenticationType must be DATABRICKS or TOKEN, like DATABRICKS, got '"
                        + r.authenticationType() + "'");
            }
        }
        var everyNetwork = recipients.stream().flatMap(r -> r.networks().stream()).distinct().count();
        if (everyNetwork > StorageIpRules.MAX_RULES) {
            problems.add(path + ".recipients declare " + everyNetwork + " distinct networks; the sharing account's "
                    + "firewall takes at most " + StorageIpRules.MAX_RULES + " IP rules: use ranges, like "
                    + StorageIpRules.EXAMPLE_RANGE);
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
            if (recipients.isEmpty()) {
                problems.add(at + " has no recipient to share with: the sharing catalog and its storage exist only "
                        + "while at least one recipient is configured; add one under " + path + ".recipients, like "
                        + "{name: partner_acme, authenticationType: DATABRICKS, ...}, or remove the share");
            }
            if (s.tables().isEmpty()) {
                problems.add(at + ".tables must name at least one table, like [sharing.orders.daily]");
            }
            for (var table : s.tables()) {
                var m = TABLE.matcher(table);
                if (!m.matches()) {
                    problems.add(at + ".tables: '" + table + "' must be catalog.schema.table in the sharing "
                            + "catalog, like sharing.orders.daily");
                } else if (!SHARING_CATALOG.equals(m.group(1))) {
                    problems.add(at + ".tables: '" + table + "' is not in the sharing catalog: a share may hold only "
                            + "tables of '" + SHARING_CATALOG + "' (" + SHARING_CATALOG + ".schema.table), whose files "
                            + "live in the sharing account that recipients' networks may reach"
                            + (catalogs.contains(m.group(1)) ? "; catalog '" + m.group(1) + "' lives in the lake, which "
                            + "admits no network, so no recipient could read it" : "")
                            + ". Publish the table by copying it, like CREATE TABLE <environment>_sharing."
                            + m.group(2) + "." + m.group(3) + " DEEP CLONE <environment>_" + m.group(1) + "."
                            + m.group(2) + "." + m.group(3) + ", and share " + SHARING_CATALOG + "." + m.group(2)
                            + "." + m.group(3) + " (see the README, Delta Sharing)");
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
