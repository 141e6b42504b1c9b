package com.ztplatform.components.firewall;

import static org.assertj.core.api.Assertions.assertThat;

import com.ztplatform.components.firewall.FirewallRule.ApplicationRule;
import com.ztplatform.components.firewall.FirewallRule.NetworkRule;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DestinationsTest {

    private static final String P = "firewall.packageRepositories.pypi";

    @ParameterizedTest
    @ValueSource(strings = {"pypi.org", "files.pythonhosted.org", "dbartifactsprodwesteu.blob.core.windows.net",
            "prod-westeurope-observabilityeventhubs.servicebus.windows.net", "a-b.c1.io", "xn--bcher-kva.example.com"})
    void acceptsHostNames(String fqdn) {
        assertThat(Destinations.fqdnProblem(P, fqdn, false)).isEmpty();
        assertThat(Destinations.fqdnProblem(P, fqdn, true)).isEmpty();
    }

    @Test
    void acceptsALeadingWildcardLabelOnlyWhereAllowed() {
        assertThat(Destinations.fqdnProblem(P, "*.onelake.dfs.fabric.microsoft.com", true)).isEmpty();
        assertThat(Destinations.fqdnProblem("rules[0].destinationFqdns[0]", "*.maven.org", false)).contains(
                "rules[0].destinationFqdns[0] '*.maven.org': network-rule FQDNs cannot take wildcards; list each host,"
                        + " like repo1.maven.org, or use an application rule");
    }

    @Test
    void refusesAUrlAndShowsTheHost() {
        assertThat(Destinations.fqdnProblem(P, "https://pypi.org/simple", true)).contains(
                P + " 'https://pypi.org/simple' is a URL; give the host name only, like pypi.org");
        assertThat(Destinations.fqdnProblem(P, "files.pythonhosted.org/packages", true)).contains(
                P + " 'files.pythonhosted.org/packages' is a URL; give the host name only, like files.pythonhosted.org");
        assertThat(Destinations.fqdnProblem(P, "pypi.org:443", true)).contains(
                P + " 'pypi.org:443' is a URL; give the host name only, like pypi.org");
        assertThat(Destinations.fqdnProblem(P, "https://", true)).contains(
                P + " 'https://' is a URL; give the host name only, like pypi.org");
    }

    @Test
    void refusesABareStar() {
        assertThat(Destinations.fqdnProblem(P, "*", true)).contains(
                P + " '*' opens everything; list the host names needed, like pypi.org");
    }

    @ParameterizedTest
    @ValueSource(strings = {"pypi.*.org", "*pypi.org", "a.*", "*.*.org", "**.org"})
    void refusesAWildcardAnywhereButALeadingLabel(String fqdn) {
        assertThat(Destinations.fqdnProblem(P, fqdn, true)).contains(P + " '" + fqdn
                + "' has a wildcard in the wrong place; only a whole leading label may be *, like *.blob.core.windows.net");
    }

    @Test
    void refusesUpperCaseWithTheLowerCaseSpelling() {
        assertThat(Destinations.fqdnProblem(P, "PyPI.org", true)).contains(
                P + " 'PyPI.org' has upper case; write host names in lower case, like pypi.org");
    }

    @Test
    void refusesIpLiterals() {
        assertThat(Destinations.fqdnProblem(P, "20.73.215.48", true)).contains(P + " '20.73.215.48' is an IP address,"
                + " not a host name; put addresses in a network rule's destinationAddresses, like 20.73.215.48/28");
        assertThat(Destinations.fqdnProblem(P, "20.73.215.48/28", true)).get().asString()
                .contains("is an IP address");
    }

    @Test
    void refusesBadLabelsAndLengths() {
        String labels = "; labels are 1-63 lower-case letters, digits or hyphens, not starting or ending with a hyphen,"
                + " like pypi.org";
        assertThat(Destinations.fqdnProblem(P, "-pypi.org", true)).contains(P + " '-pypi.org' has label '-pypi'" + labels);
        assertThat(Destinations.fqdnProblem(P, "pypi-.org", true)).contains(P + " 'pypi-.org' has label 'pypi-'" + labels);
        assertThat(Destinations.fqdnProblem(P, "py_pi.org", true)).contains(P + " 'py_pi.org' has label 'py_pi'" + labels);
        assertThat(Destinations.fqdnProblem(P, "pypi..org", true)).contains(P + " 'pypi..org' has an empty label" + labels);
        String longLabel = "a".repeat(64);
        assertThat(Destinations.fqdnProblem(P, longLabel + ".org", true)).contains(
                P + " '" + longLabel + ".org' has label '" + longLabel + "'" + labels);
        assertThat(Destinations.fqdnProblem(P, "a".repeat(63) + ".org", true)).isEmpty();
        String tooLong = ("a".repeat(62) + ".").repeat(4) + "org";
        assertThat(tooLong).hasSize(255);
        assertThat(Destinations.fqdnProblem(P, tooLong, true)).contains(
                P + " '" + tooLong + "' is 255 characters long; an FQDN has at most 253, like pypi.org");
        assertThat(Destinations.fqdnProblem(P, "localhost", true)).contains(
                P + " 'localhost' needs at least two labels (a domain and its parent), like pypi.org");
        assertThat(Destinations.fqdnProblem(P, "*.org", true)).contains(
                P + " '*.org' needs at least two labels (a domain and its parent), like pypi.org");
        assertThat(Destinations.fqdnProblem(P, "pypi.org.", true)).contains(
                P + " 'pypi.org.' ends with a dot; write it without, like pypi.org");
        assertThat(Destinations.fqdnProblem(P, " pypi.org", true)).contains(
                P + " ' pypi.org' contains white space; give the host name only, like pypi.org");
        assertThat(Destinations.fqdnProblem(P, "", true)).contains(P + " is empty; give a host name like pypi.org");
        assertThat(Destinations.fqdnProblem(P, null, false)).contains(P + " is empty; give a host name like repo1.maven.org");
    }

    @ParameterizedTest
    @ValueSource(strings = {"443", "1", "65535", "8443-8451", "1-65535"})
    void acceptsPortsAndRanges(String port) {
        assertThat(Destinations.portProblem("p", port)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "*|p '*' opens every port; give a port like 443 or a range like 8443-8451",
            "70000|p '70000' is out of range; ports are 1-65535, like 443",
            "0|p '0' is out of range; ports are 1-65535, like 443",
            "443-99999999999|p '443-99999999999' is out of range; ports are 1-65535, like 443",
            "8451-8443|p '8451-8443' is not a range from a lower to a higher port, like 8443-8451",
            "8443-8443|p '8443-8443' is not a range from a lower to a higher port, like 8443-8451; for one port write 8443",
            "0443|p '0443' has a leading zero; write ports like 443 or 8443-8451",
            "443-|p '443-' is not a port; give a port like 443 or a range like 8443-8451",
            "https|p 'https' is not a port; give a port like 443 or a range like 8443-8451",
            "443,8443|p '443,8443' is not a port; give a port like 443 or a range like 8443-8451"})
    void refusesBadPorts(String port, String message) {
        assertThat(Destinations.portProblem("p", port)).contains(message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"20.73.215.48/28", "20.73.215.48", "52.232.19.246/32", "10.0.0.0/8"})
    void acceptsAddressesAndCidrs(String address) {
        assertThat(Destinations.addressProblem("a", address)).isEmpty();
    }

    @Test
    void aBareAddressIsASlash32() {
        assertThat(Destinations.normaliseAddress("20.73.215.48")).isEqualTo("20.73.215.48/32");
        assertThat(Destinations.normaliseAddress("20.73.215.48/28")).isEqualTo("20.73.215.48/28");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0.0.0.0/0|a '0.0.0.0/0' opens the whole internet; give IPv4 addresses or CIDRs like 20.73.215.48/28",
            "*|a '*' opens everything; give IPv4 addresses or CIDRs like 20.73.215.48/28",
            "Internet|a 'Internet' opens everything; give IPv4 addresses or CIDRs like 20.73.215.48/28",
            "any|a 'any' opens everything; give IPv4 addresses or CIDRs like 20.73.215.48/28",
            "0.0.0.0/1|a '0.0.0.0/1' is wider than /8; an allowlist opens only the blocks needed; give IPv4 addresses or CIDRs like 20.73.215.48/28",
            "20.73.215.49/28|a has host bits set: '20.73.215.49/28' is not a network address; did you mean 20.73.215.48/28?",
            "20.73.215|a '20.73.215' is not an IPv4 address or CIDR; give IPv4 addresses or CIDRs like 20.73.215.48/28",
            "pypi.org|a 'pypi.org' is not an IPv4 address or CIDR; give IPv4 addresses or CIDRs like 20.73.215.48/28"})
    void refusesOpenOrBadAddresses(String address, String message) {
        assertThat(Destinations.addressProblem("a", address)).contains(message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"AzureDatabricks", "Storage.WestEurope", "Sql.NorthEurope", "EventHub.EastUS2"})
    void acceptsServiceTags(String tag) {
        assertThat(Destinations.serviceTagProblem("t", tag)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Internet|t 'Internet' opens the whole internet; use a specific tag like Storage.WestEurope or AzureDatabricks",
            "internet|t 'internet' opens the whole internet; use a specific tag like Storage.WestEurope or AzureDatabricks",
            "*|t '*' opens everything; use a specific tag like Storage.WestEurope or AzureDatabricks",
            "Storage.West.Europe|t 'Storage.West.Europe' is not a service tag; use a specific tag like Storage.WestEurope or AzureDatabricks",
            "1Storage|t '1Storage' is not a service tag; use a specific tag like Storage.WestEurope or AzureDatabricks"})
    void refusesOpenOrBadServiceTags(String tag, String message) {
        assertThat(Destinations.serviceTagProblem("t", tag)).contains(message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Https:443", "Http:80", "Mssql:1433", "Https:9093", "Https:64000"})
    void acceptsApplicationProtocols(String protocol) {
        assertThat(Destinations.applicationProtocolProblem("r", protocol)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "https:443|r 'https:443' is spelled wrong; write Https:443",
            "Https:64001|r 'Https:64001' is out of range; application rule ports are 1-64000, like Https:443",
            "Https:0|r 'Https:0' is out of range; application rule ports are 1-64000, like Https:443",
            "Ftp:21|r 'Ftp:21' is not an application protocol; use Https:443, Http:80 or Mssql:1433",
            "Https|r 'Https' is not an application protocol; use Https:443, Http:80 or Mssql:1433",
            "TCP|r 'TCP' is not an application protocol; use Https:443, Http:80 or Mssql:1433"})
    void refusesBadApplicationProtocols(String protocol, String message) {
        assertThat(Destinations.applicationProtocolProblem("r", protocol)).contains(message);
    }

    @Test
    void networkProtocolsAreTcpUdpIcmpOrAny() {
        for (String p : List.of("TCP", "UDP", "ICMP", "Any")) {
            assertThat(Destinations.networkProtocolProblem("r", p)).isEmpty();
        }
        assertThat(Destinations.networkProtocolProblem("r", "tcp")).contains("r 'tcp' is spelled wrong; write TCP");
        assertThat(Destinations.networkProtocolProblem("r", "Https")).contains(
                "r 'Https' is not a network protocol; use TCP, UDP, ICMP or Any, like TCP");
    }

    @Test
    void aValidRuleHasNoProblems() {
        assertThat(Destinations.problems("r", app("pypi", List.of("pypi.org"), List.of("Https:443")))).isEmpty();
        assertThat(Destinations.problems("r", new NetworkRule("webapp", List.of("databricks"),
                List.of("20.73.215.48/28"), List.of(), List.of(), List.of("443", "8443-8451"), List.of("TCP"), "why"))).isEmpty();
    }

    @Test
    void reportsEveryProblemOfARuleWithItsPath() {
        ApplicationRule bad = new ApplicationRule("bad name", List.of(), List.of("https://pypi.org/simple", "*"),
                List.of("Https:70000"), " ");
        assertThat(Destinations.problems("c.rules[bad]", bad)).containsExactly(
                "c.rules[bad].name 'bad name' may contain only letters, digits, '-', '_' and '.', like artifact-storage",
                "c.rules[bad].sourceGroups is empty; give a source IP group like databricks",
                "c.rules[bad].why is empty; say why the rule exists, like 'PyPI: pip installs on clusters'",
                "c.rules[bad].targetFqdns[0] 'https://pypi.org/simple' is a URL; give the host name only, like pypi.org",
                "c.rules[bad].targetFqdns[1] '*' opens everything; list the host names needed, like pypi.org",
                "c.rules[bad].protocols[0] 'Https:70000' is out of range; application rule ports are 1-64000, like Https:443");
        assertThat(Destinations.problems("r", new ApplicationRule("", List.of(" "), List.of(), List.of(), "why")))
                .containsExactly(
                        "r.name is empty; give a name like artifact-storage",
                        "r.sourceGroups[0] is empty; give a source IP group like databricks",
                        "r.targetFqdns is empty; give host names like pypi.org",
                        "r.protocols is empty; give protocols like Https:443");
    }

    @Test
    void aNetworkRuleNeedsExactlyOneDestinationKind() {
        NetworkRule none = new NetworkRule("n", List.of("databricks"), List.of(), List.of(), List.of(), List.of("443"),
                List.of("TCP"), "why");
        assertThat(Destinations.problems("r", none)).containsExactly("r has no destination; give exactly one of"
                + " destinationAddresses (like 20.73.215.48/28), destinationServiceTags (like Sql.WestEurope) or"
                + " destinationFqdns (like repo1.maven.org)");
        NetworkRule mixed = new NetworkRule("n", List.of("databricks"), List.of("20.73.215.48/28"),
                List.of("Sql.WestEurope"), List.of(), List.of("443"), List.of("TCP"), "why");
        assertThat(Destinations.problems("r", mixed)).containsExactly("r mixes destination kinds (destinationAddresses,"
                + " destinationServiceTags); use exactly one per rule and split the rest into other rules");
    }

    @Test
    void networkRuleDestinationsAndPortsAreChecked() {
        NetworkRule bad = new NetworkRule("n", List.of("databricks"), List.of(), List.of(), List.of("*.mysql.database.azure.com"),
                List.of("*"), List.of("tcp"), "why");
        assertThat(Destinations.problems("r", bad)).containsExactly(
                "r.destinationFqdns[0] '*.mysql.database.azure.com': network-rule FQDNs cannot take wildcards; list each"
                        + " host, like repo1.maven.org, or use an application rule",
                "r.ports[0] '*' opens every port; give a port like 443 or a range like 8443-8451",
                "r.protocols[0] 'tcp' is spelled wrong; write TCP");
        NetworkRule open = new NetworkRule("n", List.of("databricks"), List.of("0.0.0.0/0"), List.of(), List.of(),
                List.of(), List.of(), "why");
        assertThat(Destinations.problems("r", open)).containsExactly(
                "r.destinationAddresses[0] '0.0.0.0/0' opens the whole internet; give IPv4 addresses or CIDRs like"
                        + " 20.73.215.48/28",
                "r.ports is empty; give ports like 443 or a range like 8443-8451",
                "r.protocols is empty; give protocols like TCP");
        NetworkRule internet = new NetworkRule("n", List.of("databricks"), List.of(), List.of("Internet"), List.of(),
                List.of("443"), List.of("TCP"), "why");
        assertThat(Destinations.problems("r", internet)).containsExactly("r.destinationServiceTags[0] 'Internet' opens"
                + " the whole internet; use a specific tag like Storage.WestEurope or AzureDatabricks");
    }

    static ApplicationRule app(String name, List<String> fqdns, List<String> protocols) {
        return new ApplicationRule(name, List.of(SourceGroups.DATABRICKS), fqdns, protocols, "why " + name);
    }
}
