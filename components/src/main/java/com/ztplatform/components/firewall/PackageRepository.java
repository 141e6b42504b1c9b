package com.ztplatform.components.firewall;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Public package repositories clusters may be allowed to install from (off unless configured). */
public enum PackageRepository {
    /** The Python Package Index (config {@code pypi}): pip installs of notebook-scoped and cluster libraries. */
    PYPI("pypi", "pypi"),
    /** Maven Central (config {@code maven}): Maven coordinates of cluster libraries. */
    MAVEN_CENTRAL("maven", "maven-central"),
    /** CRAN (config {@code cran}): R packages. */
    CRAN("cran", "cran"),
    /** The spark-packages.org repository (config {@code sparkPackages}): Spark packages by Maven coordinates. */
    SPARK_PACKAGES("sparkPackages", "spark-packages");

    private final String configName;
    private final String ruleName;

    PackageRepository(String configName, String ruleName) {
        this.configName = configName;
        this.ruleName = ruleName;
    }

    /**
     * The config spelling and catalogue key: pypi, maven, cran or sparkPackages.
     *
     * @return the value to list in the {@code packageRepositories} configuration
     */
    public String configName() {
        return configName;
    }

    /**
     * The firewall rule name: pypi, maven-central, cran or spark-packages.
     *
     * @return the name of the application rule that opens this repository
     */
    public String ruleName() {
        return ruleName;
    }

    /**
     * Host names from the shipped catalogue, like pypi.org and files.pythonhosted.org.
     *
     * @return the repository's FQDNs, to allow on HTTPS
     */
    public List<String> fqdns() {
        return fqdns(EgressCatalogue.load());
    }

    /**
     * Host names of this repository in the given catalogue (for example one loaded from a test resource).
     *
     * @param catalogue the egress catalogue to read
     * @return the repository's FQDNs, to allow on HTTPS
     */
    public List<String> fqdns(EgressCatalogue catalogue) {
        return catalogue.packageRepository(this).fqdns();
    }

    /**
     * Parses the config spelling, exactly.
     *
     * @param text pypi, maven, cran or sparkPackages
     * @return the repository
     * @throws IllegalArgumentException for any other value, with the message {@link #problem} gives
     */
    public static PackageRepository parse(String text) {
        for (PackageRepository v : values()) {
            if (v.configName.equals(text)) {
                return v;
            }
        }
        throw new IllegalArgumentException(problem("packageRepositories", text).orElseThrow());
    }

    /**
     * Why {@code text} is not a repository, starting with {@code path}; empty when {@link #parse} accepts it.
     *
     * @param path the configuration key to name in the message, like packageRepositories[0]
     * @param text the configured value
     * @return the problem, listing the valid values, or empty when {@code text} is valid
     */
    public static Optional<String> problem(String path, String text) {
        for (PackageRepository r : values()) {
            if (r.configName.equals(text)) {
                return Optional.empty();
            }
        }
        String known = Arrays.stream(values()).map(r -> "'" + r.configName + "'").collect(Collectors.joining(", "));
        return Optional.of(path + " '" + text + "' is not a known package repository; use one of " + known
                + ", like 'pypi'");
    }
}
