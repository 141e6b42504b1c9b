package com.ztplatform.components.firewall;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Public package repositories clusters may be allowed to install from (off unless configured). */
public enum PackageRepository {
    PYPI("pypi", "pypi"),
    MAVEN_CENTRAL("maven", "maven-central"),
    CRAN("cran", "cran"),
    SPARK_PACKAGES("sparkPackages", "spark-packages");

    private final String configName;
    private final String ruleName;

    PackageRepository(String configName, String ruleName) {
        this.configName = configName;
        this.ruleName = ruleName;
    }

    /** The config spelling and catalogue key: pypi, maven, cran or sparkPackages. */
    public String configName() {
        return configName;
    }

    /** The firewall rule name: pypi, maven-central, cran or spark-packages. */
    public String ruleName() {
        return ruleName;
    }

    /** Host names from the shipped catalogue, like pypi.org and files.pythonhosted.org. */
    public List<String> fqdns() {
        return fqdns(EgressCatalogue.load());
    }

    public List<String> fqdns(EgressCatalogue catalogue) {
        return catalogue.packageRepository(this).fqdns();
    }

    public static PackageRepository parse(String text) {
        for (PackageRepository v : values()) {
            if (v.configName.equals(text)) {
                return v;
            }
        }
        throw new IllegalArgumentException(problem("packageRepositories", text).orElseThrow());
    }

    /** Why {@code text} is not a repository, starting with {@code path}; empty when {@link #parse} accepts it. */
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
