package com.ztplatform.components.naming;

import java.util.Optional;
import java.util.function.IntPredicate;
import javax.annotation.Nullable;

/**
 * Azure resource types this platform names, with Azure's naming rules.
 *
 * <p>Source: https://learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules
 * (Microsoft.Resources, Microsoft.Network, Microsoft.OperationalInsights, Microsoft.Storage,
 * Microsoft.KeyVault, Microsoft.Databricks, Microsoft.ManagedIdentity, Microsoft.Compute,
 * Microsoft.Insights). Where Azure accepts Unicode letters (resource groups) only ASCII is allowed
 * here: other tools in the pipeline (shell scripts, URLs, policy) handle ASCII names reliably.
 * Virtual machines use the Linux limit (64); Windows computer names are limited to 15 separately.
 */
public enum ResourceKind {
    /** A resource group name. */
    RESOURCE_GROUP("resource group", 1, 90, Rules.RESOURCE_GROUP, "ztp-dev-hub-rg"),
    /** A virtual network name. */
    VIRTUAL_NETWORK("virtual network", 2, 64, Rules.NETWORK, "ztp-dev-hub-vnet"),
    /** A subnet name. */
    SUBNET("subnet", 1, 80, Rules.NETWORK, "ztp-dev-dbx-host"),
    /** A network security group name. */
    NETWORK_SECURITY_GROUP("network security group", 1, 80, Rules.NETWORK, "ztp-dev-dbx-nsg"),
    /** A Network Watcher flow log name (a child of the region's watcher). */
    FLOW_LOG("flow log", 1, 80, Rules.NETWORK, "ztp-dev-hub-flowlog"),
    /** A route table name. */
    ROUTE_TABLE("route table", 1, 80, Rules.NETWORK, "ztp-dev-spoke-rt"),
    /** A public IP address name. */
    PUBLIC_IP("public IP address", 1, 80, Rules.NETWORK, "ztp-dev-fw-pip"),
    /** A firewall name. */
    FIREWALL("firewall", 1, 56, Rules.NETWORK, "ztp-dev-fw"),
    /** A firewall policy name. */
    FIREWALL_POLICY("firewall policy", 1, 80, Rules.NETWORK, "ztp-dev-fw-policy"),
    /** A NAT gateway name. */
    NAT_GATEWAY("NAT gateway", 1, 80, Rules.NETWORK, "ztp-dev-natgw"),
    /** An IP group name. */
    IP_GROUP("IP group", 1, 80, Rules.NETWORK, "ztp-dev-dbx-ipg"),
    /** A Bastion host name. */
    BASTION("Bastion host", 1, 80, Rules.NETWORK, "ztp-dev-bastion"),
    /** A VPN gateway name. */
    VPN_GATEWAY("VPN gateway", 1, 80, Rules.NETWORK, "ztp-dev-vpngw"),
    /** A private endpoint name. */
    PRIVATE_ENDPOINT("private endpoint", 2, 64, Rules.NETWORK, "ztp-dev-kv-pe"),
    /** A DNS private resolver name. */
    DNS_RESOLVER("DNS private resolver", 1, 80, Rules.DNS_RESOLVER, "ztp-dev-dnsr"),
    /** A Log Analytics workspace name. */
    LOG_ANALYTICS_WORKSPACE("Log Analytics workspace", 4, 63, Rules.LOG_ANALYTICS, "ztp-dev-law"),
    /**
     * An Azure Monitor Private Link Scope (Microsoft.Insights/privateLinkScopes) or one of its scoped resources: the
     * platform keeps to letters, digits and hyphens, within the 1-255 characters Azure takes.
     */
    MONITOR_PRIVATE_LINK_SCOPE("Azure Monitor private link scope", 1, 255, Rules.LOG_ANALYTICS, "ztp-prod-hub-ampls"),
    /**
     * A storage account name: 3-24 lowercase letters and digits, unique worldwide (the account's
     * {@code <name>.blob.core.windows.net} host); Microsoft.Storage on
     * https://learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules.
     */
    STORAGE_ACCOUNT("storage account", 3, 24, Rules.STORAGE_ACCOUNT, "ztpdevdbfs01"),
    /**
     * A key vault name: 3-24 letters, digits and hyphens, starting with a letter, ending with a letter or digit, no
     * consecutive hyphens, unique worldwide ({@code <name>.vault.azure.net}); Microsoft.KeyVault on
     * https://learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules.
     */
    KEY_VAULT("key vault", 3, 24, Rules.KEY_VAULT, "ztp-dev-kv01"),
    /** A Databricks workspace name. */
    DATABRICKS_WORKSPACE("Databricks workspace", 3, 64, Rules.DATABRICKS, "ztp-dev-dbw"),
    /** A managed resource group name. */
    MANAGED_RESOURCE_GROUP("managed resource group", 1, 90, Rules.RESOURCE_GROUP, "ztp-dev-dbw-managed-rg"),
    /** A user-assigned identity name. */
    USER_ASSIGNED_IDENTITY("user-assigned identity", 3, 128, Rules.IDENTITY, "ztp-dev-dbw-id"),
    /** A virtual machine name. */
    VIRTUAL_MACHINE("virtual machine", 1, 64, Rules.VIRTUAL_MACHINE, "ztp-dev-jump01"),
    /** Disk encryption set: 1-80 letters, digits, '-' and '_' (learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules). */
    DISK_ENCRYPTION_SET("disk encryption set", 1, 80, Rules.KUBERNETES_CLUSTER, "ztp-prod-router-des"),
    /** A load balancer name. */
    LOAD_BALANCER("load balancer", 1, 80, Rules.NETWORK, "ztp-dev-lb"),
    /** A private link service name. */
    PRIVATE_LINK_SERVICE("private link service", 1, 80, Rules.NETWORK, "ztp-dev-pls"),
    /** A network interface name. */
    NETWORK_INTERFACE("network interface", 1, 80, Rules.NETWORK, "ztp-dev-jump01-nic"),
    /** A diagnostic setting name. */
    DIAGNOSTIC_SETTING("diagnostic setting", 1, 260, Rules.DIAGNOSTIC_SETTING, "ztp-dev-diag"),
    /** A service endpoint policy name. */
    SERVICE_ENDPOINT_POLICY("service endpoint policy", 1, 80, Rules.NETWORK, "ztp-dev-analytics-sep"),
    /**
     * Microsoft.Databricks/accessConnectors: not on the resource-name-rules page; the workspace rule (3-64 letters,
     * digits, hyphens, underscores) is assumed, which the names this platform builds satisfy either way.
     */
    ACCESS_CONNECTOR("access connector", 3, 64, Rules.DATABRICKS, "ztp-dev-lake-ac"),
    /**
     * A container registry name: 5-50 alphanumerics, the login server's DNS label ({@code <name>.azurecr.io}), unique
     * worldwide; Microsoft.ContainerRegistry on https://learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules. Kept lowercase: the
     * login server is lowercase and the platform's names are.
     */
    CONTAINER_REGISTRY("container registry", 5, 50, Rules.CONTAINER_REGISTRY, "ztpdevacr"),
    /**
     * An Azure AI services (Cognitive Services) account name; the same rule is used for its custom subdomain, the DNS
     * label of its endpoints ({@code <subdomain>.cognitiveservices.azure.com}), which is unique worldwide. Azure: 2-64
     * alphanumerics and hyphens, starting and ending with a letter or digit (Microsoft.CognitiveServices on
     * https://learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules); the subdomain is a DNS label, so only lowercase and no
     * consecutive hyphens are produced or accepted here.
     */
    COGNITIVE_SERVICES_ACCOUNT("Azure AI services account", 2, 64, Rules.COGNITIVE_SERVICES, "ztp-dev-ai"),
    /**
     * A Service Bus namespace name: 6-50 letters, digits and hyphens, starting with a letter, ending with a letter or
     * digit, the DNS label of {@code <name>.servicebus.windows.net}, so unique worldwide (Microsoft.ServiceBus on
     * https://learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules). Azure also refuses
     * names ending in {@code -sb} or {@code -mgmt}: {@code ServiceBusNamespaceArgs} checks that.
     */
    SERVICE_BUS_NAMESPACE("Service Bus namespace", 6, 50, Rules.SERVICE_BUS, "ztp-dev-bus"),
    /** An App Service plan name: 1-60 letters, digits and hyphens (Microsoft.Web/serverfarms). */
    APP_SERVICE_PLAN("App Service plan", 1, 60, Rules.LOG_ANALYTICS, "ztp-dev-func-asp"),
    /**
     * A function app (Microsoft.Web/sites) name: 2-60 letters, digits and hyphens, not starting or ending with a
     * hyphen; the DNS label of {@code <name>.azurewebsites.net}, so unique worldwide (Microsoft.Web on
     * https://learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules).
     */
    FUNCTION_APP("function app", 2, 60, Rules.WEB_SITE, "ztp-dev-func"),
    /**
     * An Azure Machine Learning workspace name: 3-33 letters, digits, hyphens and underscores, starting with a letter
     * or digit; unique within its resource group only (Microsoft.MachineLearningServices on
     * https://learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules).
     */
    MACHINE_LEARNING_WORKSPACE("Machine Learning workspace", 3, 33, Rules.MACHINE_LEARNING, "ztp-prod-ml-mlw"),
    /**
     * An Application Insights component name: 1-260 characters other than % &amp; \\ ? / and control characters,
     * not ending in a period (Microsoft.Insights/components on
     * https://learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules).
     */
    APPLICATION_INSIGHTS("Application Insights component", 1, 260, Rules.APPLICATION_INSIGHTS, "ztp-prod-ml-appi"),
    /**
     * An AKS cluster (Microsoft.ContainerService/managedClusters): 1-63 letters, digits, '-' and '_', starting and
     * ending with a letter or digit (https://learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules).
     * The same name is used as the cluster's DNS prefix, which Azure limits to 1-54 letters, digits and '-': the
     * names this platform builds are far shorter and have no '_'.
     */
    KUBERNETES_CLUSTER("Kubernetes cluster", 1, 63, Rules.KUBERNETES_CLUSTER, "ztp-prod-aks"),
    /**
     * An action group, scheduled query rule or activity log alert (Microsoft.Insights actionGroups,
     * scheduledQueryRules, activityLogAlerts on
     * https://learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules): 1-260 characters;
     * the characters any of the three refuses are refused for all, and no name ends with '.'.
     */
    ALERT_RULE("alert rule", 1, 260, Rules.ALERT_RULE, "ztp-dev-alerts-fw-denies"),
    /**
     * A cost budget (Microsoft.Consumption budgets on
     * https://learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules): 1-63 letters, digits,
     * '-' and '_'.
     */
    BUDGET("budget", 1, 63, Rules.BUDGET, "ztp-dev-budget");

    private final String label;
    private final int minLength;
    private final int maxLength;
    private final Rule rule;
    private final String example;

    ResourceKind(String label, int minLength, int maxLength, Rule rule, String example) {
        this.label = label;
        this.minLength = minLength;
        this.maxLength = maxLength;
        this.rule = rule;
        this.example = example;
    }

    /**
     * Human wording used in messages, e.g. "storage account".
     *
     * @return the label
     */
    public String label() {
        return label;
    }

    /**
     * The shortest name Azure accepts for this kind.
     *
     * @return the minimum length
     */
    public int minLength() {
        return minLength;
    }

    /**
     * The longest name Azure accepts for this kind; longer generated names are shortened with a hash.
     *
     * @return the maximum length
     */
    public int maxLength() {
        return maxLength;
    }

    /**
     * True where the name becomes a DNS label shared by every Azure tenant (must be unique worldwide).
     *
     * @return whether the name must be unique worldwide
     */
    public boolean globallyUnique() {
        return rule.globallyUnique();
    }

    /**
     * Storage accounts are the only kind here that cannot separate words with '-'.
     *
     * @return whether names may contain hyphens
     */
    public boolean allowsHyphen() {
        return rule.chars().allowed.test('-');
    }

    /**
     * A name that satisfies this kind's rules; used in error messages.
     *
     * @return the example
     */
    public String example() {
        return example;
    }

    /**
     * What is wrong with {@code name} for this kind, naming the rule and showing a valid example.
     *
     * @param name the name, possibly {@code null}
     * @return the problem; empty when valid
     */
    public Optional<String> problem(@Nullable String name) {
        String like = ", like '" + example + "'";
        String summary = "must be " + minLength + "-" + maxLength + " " + rule.chars().description;
        if (name == null) {
            return Optional.of(label + " name is missing; it " + summary + like);
        }
        String subject = label + " name '" + name + "' ";
        if (name.length() < minLength || name.length() > maxLength) {
            return Optional.of(subject + summary + " (got " + name.length() + " characters)" + like);
        }
        if (!name.chars().allMatch(rule.chars().allowed)) {
            return Optional.of(subject + summary + like);
        }
        if (!rule.start().allowed.test(name.charAt(0))) {
            return Optional.of(subject + "must start with " + rule.start().description + like);
        }
        if (!rule.end().allowed.test(name.charAt(name.length() - 1))) {
            return Optional.of(subject + "must " + rule.end().description + like);
        }
        if (rule.noConsecutiveHyphens() && name.contains("--")) {
            return Optional.of(subject + "must not contain consecutive hyphens '--'" + like);
        }
        return Optional.empty();
    }

    private static boolean isAsciiLetter(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isAsciiDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAsciiAlnum(int c) {
        return isAsciiLetter(c) || isAsciiDigit(c);
    }

    private record Rule(Chars chars, Start start, End end, boolean noConsecutiveHyphens, boolean globallyUnique) {
        Rule(Chars chars, Start start, End end) {
            this(chars, start, end, false, false);
        }
    }

    /**
     * The rule sets that Azure reuses across resource types. A holder class, because enum constants may
     * not refer to their own enum's static fields while it is being initialised.
     */
    private static final class Rules {
        static final Rule RESOURCE_GROUP = new Rule(Chars.RESOURCE_GROUP, Start.ANY, End.NOT_PERIOD);
        static final Rule NETWORK = new Rule(Chars.NETWORK, Start.ALNUM, End.ALNUM_OR_UNDERSCORE);
        static final Rule DNS_RESOLVER = new Rule(Chars.ALNUM_HYPHEN_UNDERSCORE, Start.ALNUM, End.ANY);
        static final Rule LOG_ANALYTICS = new Rule(Chars.ALNUM_HYPHEN, Start.ALNUM, End.ALNUM);
        static final Rule STORAGE_ACCOUNT = new Rule(Chars.LOWER_ALNUM, Start.ANY, End.ANY, false, true);
        static final Rule KEY_VAULT = new Rule(Chars.ALNUM_HYPHEN, Start.LETTER, End.ALNUM, true, true);
        static final Rule DATABRICKS = new Rule(Chars.ALNUM_HYPHEN_UNDERSCORE, Start.ANY, End.ANY);
        static final Rule IDENTITY = new Rule(Chars.ALNUM_HYPHEN_UNDERSCORE, Start.ALNUM, End.ANY);
        static final Rule VIRTUAL_MACHINE = new Rule(Chars.VIRTUAL_MACHINE, Start.ANY, End.NOT_PERIOD_OR_HYPHEN);
        static final Rule DIAGNOSTIC_SETTING = new Rule(Chars.DIAGNOSTIC_SETTING, Start.ANY, End.ANY);
        static final Rule CONTAINER_REGISTRY = new Rule(Chars.LOWER_ALNUM, Start.ANY, End.ANY, false, true);
        static final Rule ALERT_RULE = new Rule(Chars.ALERT_RULE, Start.ANY, End.NOT_PERIOD);
        static final Rule BUDGET = new Rule(Chars.ALNUM_HYPHEN_UNDERSCORE, Start.ANY, End.ANY);
        static final Rule COGNITIVE_SERVICES = new Rule(Chars.LOWER_ALNUM_HYPHEN, Start.ALNUM, End.ALNUM, true, true);
        static final Rule SERVICE_BUS = new Rule(Chars.ALNUM_HYPHEN, Start.LETTER, End.ALNUM, false, true);
        static final Rule WEB_SITE = new Rule(Chars.ALNUM_HYPHEN, Start.ALNUM, End.ALNUM, false, true);
        static final Rule MACHINE_LEARNING = new Rule(Chars.ALNUM_HYPHEN_UNDERSCORE, Start.ALNUM, End.ANY);
        static final Rule APPLICATION_INSIGHTS = new Rule(Chars.APPLICATION_INSIGHTS, Start.ANY, End.NOT_PERIOD);
        static final Rule KUBERNETES_CLUSTER = new Rule(Chars.ALNUM_HYPHEN_UNDERSCORE, Start.ALNUM, End.ALNUM);

        private Rules() {}
    }

    /** Character sets; descriptions are written to follow "must be 3-24 ". */
    private enum Chars {
        RESOURCE_GROUP(c -> isAsciiAlnum(c) || "-_.()".indexOf(c) >= 0, "letters, digits, '-', '_', '.', '(' or ')'"),
        NETWORK(c -> isAsciiAlnum(c) || "-_.".indexOf(c) >= 0, "letters, digits, '-', '_' or '.'"),
        ALNUM_HYPHEN_UNDERSCORE(c -> isAsciiAlnum(c) || c == '-' || c == '_', "letters, digits, '-' or '_'"),
        ALNUM_HYPHEN(c -> isAsciiAlnum(c) || c == '-', "letters, digits or '-'"),
        LOWER_ALNUM(c -> (c >= 'a' && c <= 'z') || isAsciiDigit(c), "lowercase letters and digits"),
        LOWER_ALNUM_HYPHEN(c -> (c >= 'a' && c <= 'z') || isAsciiDigit(c) || c == '-', "lowercase letters, digits or '-'"),
        VIRTUAL_MACHINE(c -> isAsciiAlnum(c) || "-._".indexOf(c) >= 0, "letters, digits, '-', '.' or '_'"),
        APPLICATION_INSIGHTS(c -> "%&\\?/".indexOf(c) < 0 && !Character.isISOControl(c),
                "characters other than % & \\ ? / and control characters"),
        ALERT_RULE(
                c -> "<>*%{}&:\\?+/#|".indexOf(c) < 0 && !Character.isISOControl(c),
                "characters other than < > * % { } & : \\ ? + / # | and control characters"),
        DIAGNOSTIC_SETTING(
                c -> "<>*%&:\\?+/".indexOf(c) < 0 && !Character.isISOControl(c),
                "characters other than < > * % & : \\ ? + / and control characters");

        final IntPredicate allowed;
        final String description;

        Chars(IntPredicate allowed, String description) {
            this.allowed = allowed;
            this.description = description;
        }
    }

    private enum Start {
        ANY(c -> true, "anything"),
        ALNUM(ResourceKind::isAsciiAlnum, "a letter or digit"),
        LETTER(ResourceKind::isAsciiLetter, "a letter");

        final IntPredicate allowed;
        final String description;

        Start(IntPredicate allowed, String description) {
            this.allowed = allowed;
            this.description = description;
        }
    }

    private enum End {
        ANY(c -> true, "end with anything"),
        ALNUM(ResourceKind::isAsciiAlnum, "end with a letter or digit"),
        ALNUM_OR_UNDERSCORE(c -> isAsciiAlnum(c) || c == '_', "end with a letter, digit or '_'"),
        NOT_PERIOD(c -> c != '.', "not end with '.'"),
        NOT_PERIOD_OR_HYPHEN(c -> c != '.' && c != '-', "not end with '.' or '-'");

        final IntPredicate allowed;
        final String description;

        End(IntPredicate allowed, String description) {
            this.allowed = allowed;
            this.description = description;
        }
    }
}
