package com.ztplatform.components.landing;

/** How data reaches the Fabric lakehouse. */
public enum LandingMode {
    /**
     * Databricks writes straight into OneLake over TLS: the firewall allows only the OneLake DFS/blob endpoints
     * and the Entra login endpoint, only from the Databricks subnets.
     */
    DIRECT("direct"),
    /**
     * For postures that forbid any public egress from Databricks: the job writes to a private ADLS Gen2 account
     * (private endpoints only) and Fabric reads it through trusted workspace access (a OneLake shortcut).
     */
    STAGED("staged");

    private final String configName;

    LandingMode(String configName) {
        this.configName = configName;
    }

    /**
     * The mode as the stack configuration and the job parameters spell it.
     *
     * @return {@code direct} or {@code staged}
     */
    public String configName() {
        return configName;
    }

    /**
     * The mode of a configuration value; case-sensitive, as the configuration reference lists it.
     *
     * @param value the value as written
     * @return the mode; empty for anything else
     */
    public static java.util.Optional<LandingMode> parse(String value) {
        for (var m : values()) {
            if (m.configName.equals(value)) {
                return java.util.Optional.of(m);
            }
        }
        return java.util.Optional.empty();
    }
}
