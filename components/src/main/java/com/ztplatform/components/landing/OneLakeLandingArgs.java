package com.ztplatform.components.landing;

import com.pulumi.core.Output;
import com.ztplatform.components.common.CommonOptions;
import com.ztplatform.components.naming.Naming;
import com.ztplatform.components.firewall.EgressNextHop;
import com.ztplatform.components.keyvault.KeyVaultScope;
import com.ztplatform.components.network.HubNetwork;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Arguments of {@link OneLakeLanding}.
 *
 * @param resourceGroupName where the staging account goes (staged mode)
 * @param location          region
 * @param naming            prefix and environment
 * @param settings          what to land, where, how often, as which identity
 * @param hub               its private-endpoint subnet and zones (staging account endpoints)
 * @param egress            where the Databricks subnets' traffic leaves; in direct mode its firewall's plan must hold
 *                          {@link OneLakeLanding#firewallContribution}, checked when the plan is known here
 * @param keyVault          holds the service principal's credentials behind the workspace's secret scope
 * @param clientSecret      the service principal's client secret (from {@code pulumi config set --secret}); when
 *                          absent Pulumi does not manage it and the operator sets it in the vault
 * @param common            tags, protect
 */
public record OneLakeLandingArgs(Output<String> resourceGroupName, String location, Naming naming,
                                 LandingSettings settings, HubNetwork hub, EgressNextHop egress,
                                 KeyVaultScope keyVault, Optional<Output<String>> clientSecret, CommonOptions common) {
    public OneLakeLandingArgs {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(clientSecret, "clientSecret");
        Objects.requireNonNull(common, "common");
    }

    public List<String> problems() {
        var problems = new ArrayList<>(settings.problems("settings"));
        if (resourceGroupName == null || naming == null) {
            problems.add("resourceGroupName and naming are required");
        }
        if (hub == null || egress == null || keyVault == null) {
            problems.add("hub, egress and keyVault are required");
        }
        if (egress != null) {
            OneLakeLanding.firewallContribution(settings).ifPresent(rules -> egress.egressPlan()
                    .filter(plan -> !plan.contributions().contains(rules))
                    .ifPresent(plan -> problems.add("egress: the firewall's plan lacks the OneLake rules of direct mode, "
                            + "so the mirror job could not reach OneLake; add OneLakeLanding.firewallContribution(settings) "
                            + "to the EgressPlan the firewall is built with")));
        }
        return problems;
    }
}
