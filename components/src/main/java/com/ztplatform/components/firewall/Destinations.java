package com.ztplatform.components.firewall;

import com.ztplatform.components.addressing.Cidr;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.annotation.Nullable;

/**
 * Validation of firewall rule destinations, ports and protocols. Every function returns the problem (a message
 * starting with the given path and showing a valid example) or empty. Strict and deterministic: nothing is
 * normalised here, so what passes is exactly what Azure receives.
 */
public final class Destinations {

    /** Longest FQDN DNS allows (RFC 1035, without the trailing dot). */
    public static final int MAX_FQDN_LENGTH = 253;
    /** Longest DNS label (RFC 1035): each dot-separated part of an FQDN is 1 to 63 characters. */
    public static final int MAX_LABEL_LENGTH = 63;
    /** Highest port an application rule protocol can name. */
    public static final int MAX_APPLICATION_PORT = 64000;
    /** Widest address block a rule may open; anything wider is not an allowlist. */
    public static final int MIN_PREFIX_LENGTH = 8;

    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?");
    private static final Pattern IP_LIKE = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}(/[0-9]{1,2})?");
    private static final Pattern PORT = Pattern.compile("([0-9]+)(?:-([0-9]+))?");
    private static final Pattern SERVICE_TAG = Pattern.compile("[A-Za-z][A-Za-z0-9]*(\\.[A-Za-z0-9]+)?");
    private static final Pattern APPLICATION_PROTOCOL = Pattern.compile("(Https|Http|Mssql):([0-9]+)");
    /** Recognises a miscapitalised protocol, so the error can say how to spell it. */
    private static final Pattern APPLICATION_PROTOCOL_ANY_CASE =
            Pattern.compile(APPLICATION_PROTOCOL.pattern(), Pattern.CASE_INSENSITIVE);
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]+");
    private static final List<String> NETWORK_PROTOCOLS = List.of("TCP", "UDP", "ICMP", "Any");

    private Destinations() {
    }

    /**
     * A destination host name: lower-case labels of letters, digits and hyphens, at least two labels; a leading
     * {@code *.} label only when {@code wildcardAllowed} (application rules; network-rule FQDNs cannot take
     * wildcards). URLs, ports, IP literals, upper case and a bare {@code *} are refused.
     *
     * @param path            prefix of the message, like contributions[0].rules[1].targetFqdns[0]
     * @param value           the host name, like pypi.org or *.blob.core.windows.net
     * @param wildcardAllowed whether a leading {@code *.} label is allowed (application rules)
     * @return the problem, or empty when valid
     */
    public static Optional<String> fqdnProblem(String path, @Nullable String value, boolean wildcardAllowed) {
        String like = wildcardAllowed ? "pypi.org" : "repo1.maven.org";
        if (value == null || value.isBlank()) {
            return Optional.of(path + " is empty; give a host name like " + like);
        }
        String v = "'" + value + "'";
        if (value.equals("*")) {
            return Optional.of(path + " '*' opens everything; list the host names needed, like " + like);
        }
        if (!value.strip().equals(value) || value.chars().anyMatch(Character::isWhitespace)) {
            return Optional.of(path + " " + v + " contains white space; give the host name only, like " + like);
        }
        if (IP_LIKE.matcher(value).matches()) {
            return Optional.of(path + " " + v + " is an IP address, not a host name; put addresses in a network rule's"
                    + " destinationAddresses, like 20.73.215.48/28");
        }
        if (value.contains("://") || value.contains("/") || value.contains(":")) {
            String host = hostOf(value);
            String example = host != null && fqdnProblem(path, host, wildcardAllowed).isEmpty() ? host : like;
            return Optional.of(path + " " + v + " is a URL; give the host name only, like " + example);
        }
        if (!value.toLowerCase(Locale.ROOT).equals(value)) {
            return Optional.of(path + " " + v + " has upper case; write host names in lower case, like "
                    + value.toLowerCase(Locale.ROOT));
        }
        String rest = value;
        if (value.contains("*")) {
            if (!wildcardAllowed) {
                return Optional.of(path + " " + v + ": network-rule FQDNs cannot take wildcards; list each host, like "
                        + like + ", or use an application rule");
            }
            if (!value.startsWith("*.") || value.indexOf('*', 1) >= 0) {
                return Optional.of(path + " " + v + " has a wildcard in the wrong place; only a whole leading label"
                        + " may be *, like *.blob.core.windows.net");
            }
            rest = value.substring(2);
        }
        if (rest.endsWith(".")) {
            return Optional.of(path + " " + v + " ends with a dot; write it without, like "
                    + value.substring(0, value.length() - 1));
        }
        if (value.length() > MAX_FQDN_LENGTH) {
            return Optional.of(path + " " + v + " is " + value.length() + " characters long; an FQDN has at most "
                    + MAX_FQDN_LENGTH + ", like " + like);
        }
        String[] labels = rest.split("\\.", -1);
        if (labels.length < 2) {
            return Optional.of(path + " " + v + " needs at least two labels (a domain and its parent), like " + like);
        }
        for (String label : labels) {
            if (label.length() > MAX_LABEL_LENGTH || !LABEL.matcher(label).matches()) {
                String shown = label.isEmpty() ? "an empty label" : "label '" + label + "'";
                return Optional.of(path + " " + v + " has " + shown + "; labels are 1-" + MAX_LABEL_LENGTH
                        + " lower-case letters, digits or hyphens, not starting or ending with a hyphen, like " + like);
            }
        }
        return Optional.empty();
    }

    /**
     * A port like "443" or a range like "8443-8451"; ports are 1-65535 and a range goes from low to high.
     *
     * @param path  prefix of the message
     * @param value the port or range
     * @return the problem, or empty when valid
     */
    public static Optional<String> portProblem(String path, @Nullable String value) {
        String like = "; give a port like 443 or a range like 8443-8451";
        if (value == null || value.isEmpty()) {
            return Optional.of(path + " is empty" + like);
        }
        if (value.equals("*")) {
            return Optional.of(path + " '*' opens every port" + like);
        }
        Matcher m = PORT.matcher(value);
        if (!m.matches()) {
            return Optional.of(path + " '" + value + "' is not a port" + like);
        }
        int low = port(m.group(1));
        int high = m.group(2) == null ? low : port(m.group(2));
        for (int p : new int[] {low, high}) {
            if (p < 1 || p > 65535) {
                return Optional.of(path + " '" + value + "' is out of range; ports are 1-65535, like 443");
            }
        }
        if ((m.group(1).length() > 1 && m.group(1).startsWith("0"))
                || (m.group(2) != null && m.group(2).length() > 1 && m.group(2).startsWith("0"))) {
            return Optional.of(path + " '" + value + "' has a leading zero; write ports like 443 or 8443-8451");
        }
        if (m.group(2) != null && low >= high) {
            return Optional.of(path + " '" + value + "' is not a range from a lower to a higher port, like 8443-8451"
                    + (low == high ? "; for one port write " + low : ""));
        }
        return Optional.empty();
    }

    /**
     * An IPv4 address (taken as a /32) or CIDR, at most /{@value #MIN_PREFIX_LENGTH} wide. "*", "any",
     * "Internet" and 0.0.0.0/0 are refused.
     *
     * @param path  prefix of the message
     * @param value the address or CIDR, like 20.73.215.48/28
     * @return the problem (host bits set, too wide, not IPv4), or empty when valid
     */
    public static Optional<String> addressProblem(String path, @Nullable String value) {
        String like = "; give IPv4 addresses or CIDRs like 20.73.215.48/28";
        if (value == null || value.isEmpty()) {
            return Optional.of(path + " is empty" + like);
        }
        String lower = value.toLowerCase(Locale.ROOT);
        if (value.equals("*") || lower.equals("any") || lower.equals("internet")) {
            return Optional.of(path + " '" + value + "' opens everything" + like);
        }
        if (value.equals("0.0.0.0/0")) {
            return Optional.of(path + " '0.0.0.0/0' opens the whole internet" + like);
        }
        String cidr = normaliseAddress(value);
        Optional<String> problem = Cidr.problem(cidr);
        if (problem.isPresent()) {
            return Optional.of(problem.get().startsWith("has host bits set")
                    ? path + " " + problem.get()
                    : path + " '" + value + "' is not an IPv4 address or CIDR" + like);
        }
        int prefix = Cidr.parse(cidr).prefixLength();
        if (prefix < MIN_PREFIX_LENGTH) {
            return Optional.of(path + " '" + value + "' is wider than /" + MIN_PREFIX_LENGTH
                    + "; an allowlist opens only the blocks needed" + like);
        }
        return Optional.empty();
    }

    /**
     * The CIDR a valid {@link #addressProblem address} stands for: a bare address becomes a /32.
     *
     * @param value an address or CIDR that passed {@link #addressProblem}
     * @return the CIDR, like 20.73.215.48/32 for 20.73.215.48
     */
    public static String normaliseAddress(String value) {
        return value.contains("/") ? value : value + "/32";
    }

    /**
     * A service tag like AzureDatabricks or Storage.WestEurope; "Internet" and "*" are refused.
     *
     * @param path  prefix of the message
     * @param value the service tag
     * @return the problem, or empty when valid
     */
    public static Optional<String> serviceTagProblem(String path, @Nullable String value) {
        String like = "; use a specific tag like Storage.WestEurope or AzureDatabricks";
        if (value == null || value.isEmpty()) {
            return Optional.of(path + " is empty" + like);
        }
        if (value.equals("*") || value.equalsIgnoreCase("any")) {
            return Optional.of(path + " '" + value + "' opens everything" + like);
        }
        if (value.equalsIgnoreCase("internet") || value.toLowerCase(Locale.ROOT).startsWith("internet.")) {
            return Optional.of(path + " '" + value + "' opens the whole internet" + like);
        }
        if (!SERVICE_TAG.matcher(value).matches()) {
            return Optional.of(path + " '" + value + "' is not a service tag" + like);
        }
        return Optional.empty();
    }

    /**
     * An application rule protocol: Https:&lt;port&gt;, Http:&lt;port&gt; or Mssql:&lt;port&gt;, port 1-64000.
     *
     * @param path  prefix of the message
     * @param value the protocol, like Https:443; a miscapitalised one gets the right spelling in the message
     * @return the problem, or empty when valid
     */
    public static Optional<String> applicationProtocolProblem(String path, @Nullable String value) {
        String like = "; use Https:443, Http:80 or Mssql:1433";
        if (value == null || value.isEmpty()) {
            return Optional.of(path + " is empty" + like);
        }
        Matcher m = APPLICATION_PROTOCOL.matcher(value);
        if (!m.matches()) {
            Matcher relaxed = APPLICATION_PROTOCOL_ANY_CASE.matcher(value);
            if (relaxed.matches()) {
                String type = relaxed.group(1).toLowerCase(Locale.ROOT);
                String fixed = Character.toUpperCase(type.charAt(0)) + type.substring(1) + ":" + relaxed.group(2);
                return Optional.of(path + " '" + value + "' is spelled wrong; write " + fixed);
            }
            return Optional.of(path + " '" + value + "' is not an application protocol" + like);
        }
        int port = port(m.group(2));
        if (port < 1 || port > MAX_APPLICATION_PORT) {
            return Optional.of(path + " '" + value + "' is out of range; application rule ports are 1-"
                    + MAX_APPLICATION_PORT + ", like Https:443");
        }
        return Optional.empty();
    }

    /**
     * A network rule protocol: TCP, UDP, ICMP or Any.
     *
     * @param path  prefix of the message
     * @param value the protocol, exactly as Azure spells it
     * @return the problem, or empty when valid
     */
    public static Optional<String> networkProtocolProblem(String path, @Nullable String value) {
        if (value != null && NETWORK_PROTOCOLS.contains(value)) {
            return Optional.empty();
        }
        for (String p : NETWORK_PROTOCOLS) {
            if (p.equalsIgnoreCase(value)) {
                return Optional.of(path + " '" + value + "' is spelled wrong; write " + p);
            }
        }
        return Optional.of(path + " '" + value + "' is not a network protocol; use TCP, UDP, ICMP or Any, like TCP");
    }

    /**
     * A rule or collection name: letters, digits, '-', '_' and '.'.
     *
     * @param path  prefix of the message
     * @param value the name, like artifact-storage
     * @return the problem, or empty when valid
     */
    public static Optional<String> nameProblem(String path, @Nullable String value) {
        if (value == null || value.isEmpty()) {
            return Optional.of(path + " is empty; give a name like artifact-storage");
        }
        if (!NAME.matcher(value).matches()) {
            return Optional.of(path + " '" + value + "' may contain only letters, digits, '-', '_' and '.', like"
                    + " artifact-storage");
        }
        return Optional.empty();
    }

    /**
     * Every problem of one rule, each starting with {@code path}: a valid name, at least one source group, a
     * reason, and valid destinations, ports and protocols. A network rule needs destinations of exactly one
     * kind; its FQDNs cannot take wildcards. Whether the source groups exist is the caller's check.
     *
     * @param path prefix of every message, like contributions[0].collections[0].rules[2]
     * @param rule the rule; null is a problem
     * @return the problems; empty when valid
     */
    public static List<String> problems(String path, FirewallRule rule) {
        List<String> out = new ArrayList<>();
        if (rule == null) {
            out.add(path + " is null; give an ApplicationRule or a NetworkRule");
            return out;
        }
        nameProblem(path + ".name", rule.name()).ifPresent(out::add);
        if (rule.sourceGroups().isEmpty()) {
            out.add(path + ".sourceGroups is empty; give a source IP group like " + SourceGroups.DATABRICKS);
        }
        for (int i = 0; i < rule.sourceGroups().size(); i++) {
            String group = rule.sourceGroups().get(i);
            if (group == null || group.isBlank()) {
                out.add(path + ".sourceGroups[" + i + "] is empty; give a source IP group like " + SourceGroups.DATABRICKS);
            }
        }
        if (rule.why() == null || rule.why().isBlank()) {
            out.add(path + ".why is empty; say why the rule exists, like 'PyPI: pip installs on clusters'");
        }
        if (rule instanceof FirewallRule.ApplicationRule app) {
            if (app.targetFqdns().isEmpty()) {
                out.add(path + ".targetFqdns is empty; give host names like pypi.org");
            }
            each(out, path + ".targetFqdns", app.targetFqdns(), (p, v) -> fqdnProblem(p, v, true));
            if (app.protocols().isEmpty()) {
                out.add(path + ".protocols is empty; give protocols like Https:443");
            }
            each(out, path + ".protocols", app.protocols(), Destinations::applicationProtocolProblem);
        } else if (rule instanceof FirewallRule.NetworkRule net) {
            List<String> kinds = new ArrayList<>();
            if (!net.destinationAddresses().isEmpty()) {
                kinds.add("destinationAddresses");
            }
            if (!net.destinationServiceTags().isEmpty()) {
                kinds.add("destinationServiceTags");
            }
            if (!net.destinationFqdns().isEmpty()) {
                kinds.add("destinationFqdns");
            }
            if (kinds.isEmpty()) {
                out.add(path + " has no destination; give exactly one of destinationAddresses (like 20.73.215.48/28),"
                        + " destinationServiceTags (like Sql.WestEurope) or destinationFqdns (like repo1.maven.org)");
            } else if (kinds.size() > 1) {
                out.add(path + " mixes destination kinds (" + String.join(", ", kinds)
                        + "); use exactly one per rule and split the rest into other rules");
            }
            each(out, path + ".destinationAddresses", net.destinationAddresses(), Destinations::addressProblem);
            each(out, path + ".destinationServiceTags", net.destinationServiceTags(), Destinations::serviceTagProblem);
            each(out, path + ".destinationFqdns", net.destinationFqdns(), (p, v) -> fqdnProblem(p, v, false));
            if (net.ports().isEmpty()) {
                out.add(path + ".ports is empty; give ports like 443 or a range like 8443-8451");
            }
            each(out, path + ".ports", net.ports(), Destinations::portProblem);
            if (net.protocols().isEmpty()) {
                out.add(path + ".protocols is empty; give protocols like TCP");
            }
            each(out, path + ".protocols", net.protocols(), Destinations::networkProtocolProblem);
        }
        return out;
    }

    private interface Check {
        Optional<String> problem(String path, String value);
    }

    private static void each(List<String> out, String path, List<String> values, Check check) {
        for (int i = 0; i < values.size(); i++) {
            check.problem(path + "[" + i + "]", values.get(i)).ifPresent(out::add);
        }
    }

    /** Digits to a number, saturating so that "99999999999" is simply out of range. */
    private static int port(String digits) {
        return digits.length() > 6 ? Integer.MAX_VALUE : Integer.parseInt(digits);
    }

    /** The host of a URL-ish text like https://pypi.org/simple or pypi.org:443, lower-cased; null if none. */
    @Nullable
    private static String hostOf(String value) {
        String rest = value;
        int scheme = rest.indexOf("://");
        if (scheme >= 0) {
            rest = rest.substring(scheme + 3);
        }
        int at = rest.indexOf('@');
        int slash = rest.indexOf('/');
        if (at >= 0 && (slash < 0 || at < slash)) {
            rest = rest.substring(at + 1);
        }
        for (char stop : new char[] {'/', '?', '#', ':'}) {
            int i = rest.indexOf(stop);
            if (i >= 0) {
                rest = rest.substring(0, i);
            }
        }
        return rest.isEmpty() ? null : rest.toLowerCase(Locale.ROOT);
    }
}
