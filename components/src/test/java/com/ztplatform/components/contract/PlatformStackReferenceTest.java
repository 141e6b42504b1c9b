package com.ztplatform.components.contract;

import com.google.gson.JsonElement;
import com.pulumi.Context;
import com.pulumi.core.Output;
import com.ztplatform.components.offline.Plan;
import com.ztplatform.components.offline.PlanRunner;
import org.junit.jupiter.api.Test;

import java.lang.reflect.ParameterizedType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

class PlatformStackReferenceTest {
    static final String STACK = "org/zt-databricks/prod";

    static Plan run(Map<String, Object> outputs, Consumer<Context> program) {
        return PlanRunner.run(new PlanRunner.StackInput("consumer", "test", Map.of(), Set.of()),
                new PlatformStackMocks(Map.of(STACK, outputs)), program);
    }

    /** Runs a program that exports one accessor's value, and returns the plan. */
    static Plan export(Map<String, Object> outputs, java.util.function.Function<PlatformStackReference, Output<?>> accessor) {
        return run(outputs, ctx -> ctx.export("value", accessor.apply(new PlatformStackReference("platform", STACK))));
    }

    @Test
    void typedAccessorsReturnTheStacksOutputs() {
        var sample = PlatformStackMocks.sampleOutputs();
        var plan = run(sample, ctx -> {
            var platform = new PlatformStackReference("platform", STACK);
            ctx.export("contractVersion", platform.contractVersion());
            ctx.export("hubVnetId", platform.hubVnetId());
            ctx.export("firewallPrivateIp", platform.firewallPrivateIp());
            ctx.export("egressIps", platform.egressIps());
            ctx.export("databricksZone", platform.privateDnsZoneId("privatelink.azuredatabricks.net"));
            ctx.export("hostSubnet", platform.spoke("datasci").applyValue(s -> s.subnetId("snet-dbx-host")));
            ctx.export("workspaceUrl", platform.spoke("analytics").applyValue(SpokeOutputs::workspaceUrl));
            ctx.export("spokeNames", platform.spokeNames());
            ctx.export("resolver", platform.dnsResolverInboundIp().applyValue(ip -> ip.orElse("none")));
            ctx.export("ncc", platform.nccId().applyValue(id -> id.orElse("none")));
        });
        assertThat(plan.errors()).isEmpty();
        var out = plan.outputs();
        assertThat(out.get("contractVersion").getAsString()).isEqualTo(OutputContract.VERSION);
        assertThat(out.get("hubVnetId").getAsString()).isEqualTo(sample.get("hubVnetId"));
        assertThat(out.get("firewallPrivateIp").getAsString()).isEqualTo("10.100.0.4");
        assertThat(out.get("egressIps").getAsJsonArray().get(0).getAsString()).isEqualTo("198.51.100.200/31");
        assertThat(out.get("databricksZone").getAsString())
                .endsWith("/resourceGroups/ztp-prod-hub-rg/providers/Microsoft.Network/privateDnsZones/privatelink.azuredatabricks.net");
        assertThat(out.get("hostSubnet").getAsString()).endsWith("/virtualNetworks/ztp-prod-datasci-vnet/subnets/snet-dbx-host");
        assertThat(out.get("workspaceUrl").getAsString()).startsWith("https://adb-").endsWith(".azuredatabricks.net");
        assertThat(out.get("spokeNames").getAsJsonArray()).extracting(JsonElement::getAsString)
                .containsExactly("analytics", "datasci");
        assertThat(out.get("resolver").getAsString()).isEqualTo("10.100.1.164");
        assertThat(out.get("ncc").getAsString()).isEqualTo("none");
    }

    @Test
    void theIntegrationsIdentifiersAreReadWhenTheStackHasTheIntegration() {
        var sample = PlatformStackMocks.sampleOutputs();
        var plan = run(sample, ctx -> {
            var platform = new PlatformStackReference("platform", STACK);
            ctx.export("busId", platform.integrationServiceBusId().applyValue(Optional::orElseThrow));
            ctx.export("busHost", platform.integrationServiceBusHost().applyValue(Optional::orElseThrow));
            ctx.export("queues", platform.integrationQueueNames().applyValue(Optional::orElseThrow));
            ctx.export("appHost", platform.integrationFunctionAppHostName().applyValue(Optional::orElseThrow));
            ctx.export("appId", platform.integrationFunctionAppId().applyValue(Optional::orElseThrow));
        });
        assertThat(plan.errors()).isEmpty();
        var out = plan.outputs();
        assertThat(out.get("busId").getAsString()).isEqualTo(sample.get("integrationServiceBusId"))
                .endsWith("/providers/Microsoft.ServiceBus/namespaces/ztp-prod-bus-ym4ky");
        assertThat(out.get("busHost").getAsString()).endsWith(".servicebus.windows.net");
        assertThat(out.get("queues").getAsJsonArray()).extracting(JsonElement::getAsString).containsExactly("landing-runs");
        assertThat(out.get("appHost").getAsString()).endsWith(".azurewebsites.net");
        assertThat(out.get("appId").getAsString()).contains("/providers/Microsoft.Web/sites/");
        // Without the integration the accessors are empty, not failing.
        var without = export(PlatformStackMocks.sampleOutputs(o -> o.keySet().removeIf(k -> k.startsWith("integration"))),
                p -> p.integrationServiceBusHost().applyValue(h -> h.orElse("none")));
        assertThat(without.outputs().get("value").getAsString()).isEqualTo("none");
    }

    @Test
    void anOptionalOutputTheStackDoesNotHaveIsEmpty() {
        var plan = export(PlatformStackMocks.sampleOutputs(o -> o.remove(OutputContract.DNS_RESOLVER_INBOUND_IP)),
                p -> p.dnsResolverInboundIp().applyValue(ip -> ip.orElse("none")));
        assertThat(plan.errors()).isEmpty();
        assertThat(plan.outputs().get("value").getAsString()).isEqualTo("none");
    }

    @Test
    void anotherContractVersionFailsEveryAccessorWithAClearMessage() {
        var newer = PlatformStackMocks.sampleOutputs(o -> o.put(OutputContract.CONTRACT_VERSION, "2"));
        var plan = export(newer, PlatformStackReference::hubVnetId);
        assertThat(plan.errors()).contains("stack org/zt-databricks/prod publishes output contract v2, this client "
                + "understands v1: upgrade zt-components");
        assertThat(plan.outputs().has("value")).isFalse();
        // Optional outputs are checked too.
        assertThat(export(newer, p -> p.dnsResolverInboundIp().applyValue(Optional::isPresent)).errors())
                .anyMatch(e -> e.contains("publishes output contract v2"));
    }

    @Test
    void versionMessagesSayWhatToDo() {
        assertThat(PlatformStackReference.versionMismatchMessage("o/p/s", "2", "1"))
                .isEqualTo("stack o/p/s publishes output contract v2, this client understands v1: upgrade zt-components");
        assertThat(PlatformStackReference.versionMismatchMessage("o/p/s", "1", "2"))
                .isEqualTo("stack o/p/s publishes output contract v1, this client understands v2: use the zt-components "
                        + "release for contract v1, or update the platform stack first");
    }

    @Test
    void aStackWithoutAContractVersionIsNotAPlatformStack() {
        var plan = export(PlatformStackMocks.sampleOutputs(o -> o.remove(OutputContract.CONTRACT_VERSION)),
                PlatformStackReference::firewallPrivateIp);
        assertThat(plan.errors()).anyMatch(e -> e.startsWith("stack org/zt-databricks/prod has no output 'contractVersion'"));
    }

    @Test
    void aMissingRequiredOutputFailsNamingItAndTheStack() {
        var plan = export(PlatformStackMocks.sampleOutputs(o -> o.remove(OutputContract.FIREWALL_PRIVATE_IP)),
                PlatformStackReference::firewallPrivateIp);
        assertThat(plan.errors()).contains("stack org/zt-databricks/prod has no output 'firewallPrivateIp', required by "
                + "output contract v1");
    }

    @Test
    void aValueOfTheWrongShapeFails() {
        var plan = export(PlatformStackMocks.sampleOutputs(o -> o.put(OutputContract.EGRESS_IPS, "203.0.113.7")),
                PlatformStackReference::egressIps);
        assertThat(plan.errors()).anyMatch(e -> e.startsWith("stack org/zt-databricks/prod: output 'egressIps' should be "
                + "a list of strings (output contract v1), got String 203.0.113.7"));
        @SuppressWarnings("unchecked")
        var brokenSpoke = PlatformStackMocks.sampleOutputs(o -> ((Map<String, Map<String, Object>>) o.get("spokes"))
                .get("analytics").remove("workspaceUrl"));
        assertThat(export(brokenSpoke, p -> p.spoke("datasci").applyValue(SpokeOutputs::vnetId)).errors())
                .anyMatch(e -> e.contains("spoke 'analytics' in output 'spokes' has no 'workspaceUrl'"));
    }

    @Test
    void unknownZoneSpokeOrSubnetNamesListWhatThereIs() {
        var sample = PlatformStackMocks.sampleOutputs();
        assertThat(export(sample, p -> p.spoke("finance")).errors())
                .anyMatch(e -> e.equals("stack org/zt-databricks/prod has no spoke 'finance' in output 'spokes' "
                        + "(there are: analytics, datasci)"));
        assertThat(export(sample, p -> p.privateDnsZoneId("privatelink.azuredatabricks.com")).errors())
                .anyMatch(e -> e.startsWith("stack org/zt-databricks/prod has no zone 'privatelink.azuredatabricks.com' "
                        + "in output 'privateDnsZoneIds' (there are: privatelink.api.azureml.ms,"));
        assertThat(export(sample, p -> p.spoke("analytics").applyValue(s -> s.subnetId("snet-x"))).errors())
                .anyMatch(e -> e.equals("spoke 'analytics' has no subnet 'snet-x' (subnets: snet-dbx-container, "
                        + "snet-dbx-host, snet-private-endpoints)"));
    }

    /** Every contract output has a typed accessor of its name; optional outputs return Output<Optional<...>>. */
    @Test
    void everyContractOutputHasATypedAccessor() throws NoSuchMethodException {
        for (var output : OutputContract.OUTPUTS) {
            var method = PlatformStackReference.class.getMethod(output.name());
            assertThat(method.getReturnType()).as(output.name()).isEqualTo(Output.class);
            var type = ((ParameterizedType) method.getGenericReturnType()).getActualTypeArguments()[0];
            var raw = type instanceof ParameterizedType p ? p.getRawType() : type;
            var expected = switch (output.kind()) {
                case STRING -> String.class;
                case STRING_LIST -> List.class;
                case STRING_MAP, SPOKE_MAP -> Map.class;
            };
            if (output.required()) {
                assertThat(raw).as(output.name()).isEqualTo(expected);
            } else {
                assertThat(raw).as(output.name() + " is optional").isEqualTo(Optional.class);
                var inner = ((ParameterizedType) type).getActualTypeArguments()[0];
                assertThat(inner instanceof ParameterizedType p ? p.getRawType() : inner).as(output.name()).isEqualTo(expected);
            }
        }
    }
}
