package com.ztplatform.components.core;

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
  RESOURCE_GROUP("resource group", 1, 90, Chars.RESOURCE_GROUP, Start.ANY, End.NOT_PERIOD, "ztp-dev-hub-rg"),
  VIRTUAL_NETWORK("virtual network", 2, 64, Chars.NETWORK, Start.ALNUM, End.ALNUM_OR_UNDERSCORE, "ztp-dev-hub-vnet"),
  SUBNET("subnet", 1, 80, Chars.NETWORK, Start.ALNUM, End.ALNUM_OR_UNDERSCORE, "ztp-dev-dbx-host"),
  NETWORK_SECURITY_GROUP("network security group", 1, 80, Chars.NETWORK, Start.ALNUM, End.ALNUM_OR_UNDERSCORE, "ztp-dev-dbx-nsg"),
  ROUTE_TABLE("route table", 1, 80, Chars.NETWORK, Start.ALNUM, End.ALNUM_OR_UNDERSCORE, "ztp-dev-spoke-rt"),
  PUBLIC_IP("public IP address", 1, 80, Chars.NETWORK, Start.ALNUM, End.ALNUM_OR_UNDERSCORE, "ztp-dev-fw-pip"),
  FIREWALL("firewall", 1, 56, Chars.NETWORK, Start.ALNUM, End.ALNUM_OR_UNDERSCORE, "ztp-dev-fw"),
  FIREWALL_POLICY("firewall policy", 1, 80, Chars.NETWORK, Start.ALNUM, End.ALNUM_OR_UNDERSCORE, "ztp-dev-fw-policy"),
  NAT_GATEWAY("NAT gateway", 1, 80, Chars.NETWORK, Start.ALNUM, End.ALNUM_OR_UNDERSCORE, "ztp-dev-natgw"),
  IP_GROUP("IP group", 1, 80, Chars.NETWORK, Start.ALNUM, End.ALNUM_OR_UNDERSCORE, "ztp-dev-dbx-ipg"),
  BASTION("Bastion host", 1, 80, Chars.NETWORK, Start.ALNUM, End.ALNUM_OR_UNDERSCORE, "ztp-dev-bastion"),
  VPN_GATEWAY("VPN gateway", 1, 80, Chars.NETWORK, Start.ALNUM, End.ALNUM_OR_UNDERSCORE, "ztp-dev-vpngw"),
  PRIVATE_ENDPOINT("private endpoint", 2, 64, Chars.NETWORK, Start.ALNUM, End.ALNUM_OR_UNDERSCORE, "ztp-dev-kv-pe"),
  DNS_RESOLVER("DNS private resolver", 1, 80, Chars.ALNUM_HYPHEN_UNDERSCORE, Start.ALNUM, End.ANY, "ztp-dev-dnsr"),
  LOG_ANALYTICS_WORKSPACE("Log Analytics workspace", 4, 63, Chars.ALNUM_HYPHEN, Start.ALNUM, End.ALNUM, "ztp-dev-law"),
  STORAGE_ACCOUNT("storage account", 3, 24, Chars.LOWER_ALNUM, Start.ANY, End.ANY, "ztpdevdbfs01", true, false),
  KEY_VAULT("key vault", 3, 24, Chars.ALNUM_HYPHEN, Start.LETTER, End.ALNUM, "ztp-dev-kv01", true, true),
  DATABRICKS_WORKSPACE("Databricks workspace", 3, 64, Chars.ALNUM_HYPHEN_UNDERSCORE, Start.ANY, End.ANY, "ztp-dev-dbw"),
  MANAGED_RESOURCE_GROUP("managed resource group", 1, 90, Chars.RESOURCE_GROUP, Start.ANY, End.NOT_PERIOD, "ztp-dev-dbw-managed-rg"),
  USER_ASSIGNED_IDENTITY("user-assigned identity", 3, 128, Chars.ALNUM_HYPHEN_UNDERSCORE, Start.ALNUM, End.ANY, "ztp-dev-dbw-id"),
  VIRTUAL_MACHINE("virtual machine", 1, 64, Chars.VIRTUAL_MACHINE, Start.ANY, End.NOT_PERIOD_OR_HYPHEN, "ztp-dev-jump01"),
  LOAD_BALANCER("load balancer", 1, 80, Chars.NETWORK, Start.ALNUM, End.ALNUM_OR_UNDERSCORE, "ztp-dev-lb"),
  PRIVATE_LINK_SERVICE("private link service", 1, 80, Chars.NETWORK, Start.ALNUM, End.ALNUM_OR_UNDERSCORE, "ztp-dev-pls"),
  NETWORK_INTERFACE("network interface", 1, 80, Chars.NETWORK, Start.ALNUM, End.ALNUM_OR_UNDERSCORE, "ztp-dev-jump01-nic"),
  DIAGNOSTIC_SETTING("diagnostic setting", 1, 260, Chars.DIAGNOSTIC_SETTING, Start.ANY, End.ANY, "ztp-dev-diag");

  private final String label;
  private final int minLength;
  private final int maxLength;
  private final Chars chars;
  private final Start start;
  private final End end;
  private final String example;
  private final boolean globallyUnique;
  private final boolean noConsecutiveHyphens;

  ResourceKind(String label, int min, int max, Chars chars, Start start, End end, String example) {
    this(label, min, max, chars, start, end, example, false, false);
  }

  ResourceKind(
      String label,
      int min,
      int max,
      Chars chars,
      Start start,
      End end,
      String example,
      boolean globallyUnique,
      boolean noConsecutiveHyphens) {
    this.label = label;
    this.minLength = min;
    this.maxLength = max;
    this.chars = chars;
    this.start = start;
    this.end = end;
    this.example = example;
    this.globallyUnique = globallyUnique;
    this.noConsecutiveHyphens = noConsecutiveHyphens;
  }

  /** Human wording used in messages, e.g. "storage account". */
  public String label() {
    return label;
  }

  public int minLength() {
    return minLength;
  }

  public int maxLength() {
    return maxLength;
  }

  /** True where the name becomes a DNS label shared by every Azure tenant (must be unique worldwide). */
  public boolean globallyUnique() {
    return globallyUnique;
  }

  /** Storage accounts are the only kind here that cannot separate words with '-'. */
  public boolean allowsHyphen() {
    return chars.allowed.test('-');
  }

  /** A name that satisfies this kind's rules; used in error messages. */
  public String example() {
    return example;
  }

  /** What is wrong with {@code name} for this kind, naming the rule and showing a valid example. */
  public Optional<String> problem(@Nullable String name) {
    String like = ", like '" + example + "'";
    String rule = "must be " + minLength + "-" + maxLength + " " + chars.description;
    if (name == null) {
      return Optional.of(label + " name is missing; it " + rule + like);
    }
    String subject = label + " name '" + name + "' ";
    if (name.length() < minLength || name.length() > maxLength) {
      return Optional.of(subject + rule + " (got " + name.length() + " characters)" + like);
    }
    if (!name.chars().allMatch(chars.allowed)) {
      return Optional.of(subject + rule + like);
    }
    if (!start.allowed.test(name.charAt(0))) {
      return Optional.of(subject + "must start with " + start.description + like);
    }
    if (!end.allowed.test(name.charAt(name.length() - 1))) {
      return Optional.of(subject + "must " + end.description + like);
    }
    if (noConsecutiveHyphens && name.contains("--")) {
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

  /** Character sets; descriptions are written to follow "must be 3-24 ". */
  private enum Chars {
    RESOURCE_GROUP(c -> isAsciiAlnum(c) || "-_.()".indexOf(c) >= 0, "letters, digits, '-', '_', '.', '(' or ')'"),
    NETWORK(c -> isAsciiAlnum(c) || "-_.".indexOf(c) >= 0, "letters, digits, '-', '_' or '.'"),
    ALNUM_HYPHEN_UNDERSCORE(c -> isAsciiAlnum(c) || c == '-' || c == '_', "letters, digits, '-' or '_'"),
    ALNUM_HYPHEN(c -> isAsciiAlnum(c) || c == '-', "letters, digits or '-'"),
    LOWER_ALNUM(c -> (c >= 'a' && c <= 'z') || isAsciiDigit(c), "lowercase letters and digits"),
    VIRTUAL_MACHINE(c -> isAsciiAlnum(c) || "-._".indexOf(c) >= 0, "letters, digits, '-', '.' or '_'"),
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
