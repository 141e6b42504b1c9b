package com.ztplatform.stack.azurepolicy;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Read-only ARM properties that Azure fills in from other resources or at creation, computed from the plan and put
 * under the {@code @plan} input of each resource, where {@code aliases.json} points:
 * <ul>
 *   <li>{@code privateEndpointConnections}: one Approved connection per private endpoint of the plan that connects to the
 *   resource (the program creates them with automatic approval, {@code privateLinkServiceConnections}, which Azure
 *   approves at once when the deployer may approve:
 *   https://learn.microsoft.com/azure/private-link/private-endpoint-overview#access-to-a-private-link-resource-using-approval-workflow);</li>
 *   <li>{@code subnets} of a virtual network: the plan's subnet resources under it;</li>
 *   <li>{@code flowLogs}: the plan's {@code Microsoft.Network/networkWatchers/flowLogs} whose target is the resource;</li>
 *   <li>{@code createdOn} (keys, secrets, storage account keys): the deployment instant; {@code expiresOn},
 *   {@code notBefore}: the inputs in seconds since the epoch as dates; {@code scheduledRotationDate}: the deployment
 *   instant plus the rotation policy's {@code timeAfterCreate}.</li>
 * </ul>
 */
final class PlanFacts {
    private PlanFacts() {
    }

    static ArmResource withFacts(ArmResource r, List<ArmResource> all, Instant deployedAt) {
        var facts = new JsonObject();
        var connections = new JsonArray();
        for (var pe : all) {
            if (!pe.type().equalsIgnoreCase("Microsoft.Network/privateEndpoints")) {
                continue;
            }
            for (var target : Aliases.walk(pe.inputs(), "privateLinkServiceConnections[*].privateLinkServiceId")) {
                if (target.isJsonPrimitive() && target.getAsString().equalsIgnoreCase(r.id())) {
                    var c = new JsonObject();
                    c.addProperty("id", r.id() + "/privateEndpointConnections/" + pe.name());
                    var state = new JsonObject();
                    state.addProperty("status", "Approved");
                    c.add("privateLinkServiceConnectionState", state);
                    connections.add(c);
                }
            }
        }
        facts.add("privateEndpointConnections", connections);
        var subnets = new JsonArray();
        var flowLogs = new JsonArray();
        for (var other : all) {
            if (other.type().equalsIgnoreCase("Microsoft.Network/virtualNetworks/subnets")
                    && other.id().toLowerCase(Locale.ROOT).startsWith(r.id().toLowerCase(Locale.ROOT) + "/subnets/")) {
                subnets.add(other.inputs());
            }
            if (other.type().equalsIgnoreCase("Microsoft.Network/networkWatchers/flowLogs")
                    && Aliases.walk(other.inputs(), "targetResourceId").get(0).toString().replace("\"", "").equalsIgnoreCase(r.id())) {
                flowLogs.add(other.inputs());
            }
        }
        facts.add("subnets", subnets);
        facts.add("flowLogs", flowLogs);
        facts.addProperty("createdOn", iso(deployedAt));
        epochDate(r.inputs(), "properties.attributes.expires").ifPresent(d -> facts.addProperty("expiresOn", d));
        epochDate(r.inputs(), "properties.attributes.notBefore").ifPresent(d -> facts.addProperty("notBefore", d));
        for (var action : Aliases.walk(r.inputs(), "properties.rotationPolicy.lifetimeActions[*]")) {
            var type = Aliases.walk(action, "action.type").get(0);
            var after = Aliases.walk(action, "trigger.timeAfterCreate").get(0);
            if (type.isJsonPrimitive() && type.getAsString().equalsIgnoreCase("Rotate") && after.isJsonPrimitive()) {
                facts.addProperty("scheduledRotationDate", iso(deployedAt.plus(duration(after.getAsString()))));
            }
        }
        var inputs = r.inputs().deepCopy();
        inputs.add("@plan", facts);
        return new ArmResource(r.type(), r.id(), r.name(), r.urn(), inputs);
    }

    private static java.util.Optional<String> epochDate(JsonObject inputs, String path) {
        JsonElement v = Aliases.walk(inputs, path).get(0);
        return v.isJsonPrimitive() ? java.util.Optional.of(iso(Instant.ofEpochSecond(v.getAsLong())))
                : java.util.Optional.empty();
    }

    /** An ISO 8601 duration of days (P180D) or time (PT24H), as Key Vault rotation policies write them. */
    static Duration duration(String iso) {
        var t = iso.indexOf('T');
        if (t < 0) {
            return Duration.ofDays(Period.parse(iso).toTotalMonths() * 30 + Period.parse(iso).getDays());
        }
        return Duration.parse(iso);
    }

    static String iso(Instant instant) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atOffset(ZoneOffset.UTC));
    }

    static JsonPrimitive text(String s) {
        return new JsonPrimitive(s);
    }
}
