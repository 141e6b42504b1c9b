package com.ztplatform.components.firewall;

import java.util.Optional;

/** How the firewall allows the Databricks control plane and its regional storage / Event Hub. */
public enum ControlPlaneMode {
    /**
     * Application rules naming the Databricks-owned storage accounts and Event Hub namespaces of the region
     * (the default): clusters can reach only those accounts.
     */
    FQDN("fqdn"),
    /**
     * Network rules with regional service tags (Storage.&lt;Region&gt;, EventHub.&lt;Region&gt;, ...). Simpler but
     * Storage.&lt;Region&gt; on 443 reaches every storage account in the region, of any tenant: an exfiltration
     * path. Generation warns.
     */
    SERVICE_TAGS("serviceTags");

    private final String configName;

    ControlPlaneMode(String configName) {
        this.configName = configName;
    }

    /**
     * The config spelling: fqdn or serviceTags.
     *
     * @return the value to write in stack configuration
     */
    public String configName() {
        return configName;
    }

    /**
     * Parses the config spelling (exact: "fqdn" or "serviceTags").
     *
     * @param text the configured value
     * @return the mode
     * @throws IllegalArgumentException for any other value, with the message {@link #problem} gives
     */
    public static ControlPlaneMode parse(String text) {
        for (ControlPlaneMode v : values()) {
            if (v.configName.equals(text)) {
                return v;
            }
        }
        throw new IllegalArgumentException(problem("controlPlaneMode", text).orElseThrow());
    }

    /**
     * Why {@code text} is not a mode, starting with {@code path}; empty when {@link #parse} would accept it.
     *
     * @param path the configuration key to name in the message, like controlPlaneMode
     * @param text the configured value; a near miss like "service_tags" gets a "did you mean" hint
     * @return the problem, naming both valid values, or empty when {@code text} is valid
     */
    public static Optional<String> problem(String path, String text) {
        for (ControlPlaneMode m : values()) {
            if (m.configName.equals(text)) {
                return Optional.empty();
            }
        }
        String hint = "";
        for (ControlPlaneMode m : values()) {
            if (text != null && m.configName.equalsIgnoreCase(text.replace("_", "").replace("-", ""))) {
                hint = " (did you mean '" + m.configName + "'?)";
            }
        }
        return Optional.of(path + " '" + text + "' is not a control-plane mode" + hint
                + "; use 'fqdn' (default, Databricks-owned storage only) or 'serviceTags'");
    }
}
