package com.ztplatform.components.deltasharing;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.ztplatform.components.common.Problems;
import com.ztplatform.databricks.Grants;
import com.ztplatform.databricks.GrantsArgs;
import com.ztplatform.databricks.GrantsGrantArgs;
import com.ztplatform.databricks.Recipient;
import com.ztplatform.databricks.RecipientArgs;
import com.ztplatform.databricks.RecipientIpAccessListArgs;
import com.ztplatform.databricks.RecipientPropertiesKvpairsArgs;
import com.ztplatform.databricks.Share;
import com.ztplatform.databricks.ShareArgs;
import com.ztplatform.databricks.ShareObjectArgs;

import javax.annotation.Nullable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Delta Sharing of chosen tables: one share per configured share with its tables, the recipients, and a
 * {@code SELECT} grant of each share to its recipients (authoritative: a recipient added by hand loses access on the
 * next deployment).
 *
 * <p>Shared tables are tables of the sharing catalog only ({@link DeltaSharingSettings#SHARING_CATALOG}), whose files
 * live in the sharing account that admits the recipients' networks; the lake stays closed. Open ({@code TOKEN})
 * recipients carry their IP access list, which Databricks enforces on every request made with the token. Whatever
 * credential-like value the provider returns on a recipient (activation link, tokens, sharing code:
 * {@link #SECRET_OUTPUTS}) is marked secret, so Pulumi encrypts it in the state and never shows it in a preview, a
 * plan or a log; the component exports no output derived from them.
 */
public class DeltaSharing extends ComponentResource {
    /** The Pulumi type token of this component, as it appears in plans and state. */
    public static final String TYPE = "ztplatform:deltasharing:DeltaSharing";
    /** Recipient outputs that carry a credential (the activation link and the bearer tokens) or a sharing code. */
    public static final List<String> SECRET_OUTPUTS = List.of("activationUrl", "tokens", "sharingCode");
    /**
     * The recipient property that lists, comma-separated, the networks the sharing account admits for the recipient
     * (custom recipient properties, https://learn.microsoft.com/azure/databricks/delta-sharing/create-recipient).
     */
    public static final String STORAGE_NETWORKS_PROPERTY = "storage_networks";

    private final Map<String, Output<String>> shares = new LinkedHashMap<>();
    private final Map<String, Output<String>> recipients = new LinkedHashMap<>();

    /**
     * @param name    logical name
     * @param args    arguments, checked all at once
     * @param options component options
     */
    public DeltaSharing(String name, DeltaSharingArgs args, @Nullable ComponentResourceOptions options) {
        super(TYPE, name, options);
        Problems.throwIfAny("DeltaSharing", name, args.problems());
        var settings = args.settings();
        var environment = args.naming().environment();
        var options0 = CustomResourceOptions.builder().parent(this).provider(args.provider()).build();

        var recipientResources = new LinkedHashMap<String, Recipient>();
        for (var spec : settings.recipients()) {
            var builder = RecipientArgs.builder()
                    .name(DeltaSharingSettings.objectName(environment, spec.name()))
                    .authenticationType(spec.authenticationType())
                    .comment("Approved by " + spec.approval());
            spec.sharingIdentifier().ifPresent(builder::dataRecipientGlobalMetastoreId);
            // The networks the sharing account admits for this recipient, recorded on the recipient itself, so the
            // account's IP rules can be traced to (and checked against) the recipients that need them.
            builder.propertiesKvpairs(RecipientPropertiesKvpairsArgs.builder().properties(Map.of(
                    STORAGE_NETWORKS_PROPERTY, String.join(",", spec.networks()))).build());
            if (DeltaSharingSettings.TOKEN.equals(spec.authenticationType())) {
                builder.ipAccessList(RecipientIpAccessListArgs.builder().allowedIpAddresses(spec.ipAccessList()).build());
            }
            var recipient = new Recipient(name + "-recipient-" + spec.name(), builder.build(),
                    CustomResourceOptions.builder().parent(this).provider(args.provider())
                            .additionalSecretOutputs(SECRET_OUTPUTS).build());
            recipientResources.put(spec.name(), recipient);
            recipients.put(spec.name(), recipient.id());
        }
        for (var spec : settings.shares()) {
            var objects = new ArrayList<Output<ShareObjectArgs>>();
            for (var table : spec.tables()) {
                var dot = table.indexOf('.');
                var catalog = args.catalogs().get(table.substring(0, dot));
                var rest = table.substring(dot);
                objects.add(catalog.applyValue(c -> ShareObjectArgs.builder().name(c + rest).dataObjectType("TABLE")
                        .build()));
            }
            var share = new Share(name + "-share-" + spec.name(), ShareArgs.builder()
                    .name(DeltaSharingSettings.objectName(environment, spec.name()))
                    .objects(Output.all(objects))
                    .build(), CustomResourceOptions.builder().parent(this).provider(args.provider())
                    .dependsOn(args.dependsOn()).build());
            shares.put(spec.name(), share.id());
            if (!spec.recipients().isEmpty()) {
                var grants = spec.recipients().stream().map(r -> GrantsGrantArgs.builder()
                        .principal(recipientResources.get(r).id()).privileges("SELECT").build()).toList();
                new Grants(name + "-grants-" + spec.name(), GrantsArgs.builder().share(share.id()).grants(grants).build(),
                        options0);
            }
        }
        registerOutputs(Map.of());
    }

    /**
     * The shares' names in the metastore by configured name.
     *
     * @return configured share name (like partner_acme) to the share's name in the metastore (like prod_partner_acme)
     */
    public Map<String, Output<String>> shares() {
        return Map.copyOf(shares);
    }

    /**
     * The recipients' names in the metastore by configured name (never a credential).
     *
     * @return configured recipient name to the recipient's name in the metastore
     */
    public Map<String, Output<String>> recipients() {
        return Map.copyOf(recipients);
    }
}
