package com.ztplatform.components.databricks.bindings;

import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import javax.annotation.Nullable;

import java.util.Objects;

/**
 * A permission on a secret scope for a user, group or service principal. A Key Vault-backed scope gives MANAGE
 * only to its creator; whoever else reads it (a job's run-as identity) needs an ACL. READ on a Key Vault-backed
 * scope exposes every secret of that vault the AzureDatabricks application may read.
 *
 * <p>Binding of {@code databricks:index/secretAcl:SecretAcl}
 * (provider version {@value DatabricksProvider#PLUGIN_VERSION}).
 */
@ResourceType(type = SecretAcl.TYPE)
public class SecretAcl extends CustomResource {
    public static final String TYPE = "databricks:index/secretAcl:SecretAcl";

    /**
     * @param name    logical name
     * @param args    inputs
     * @param options options; they win over the defaults (provider version)
     */
    public SecretAcl(String name, SecretAclArgs args, @Nullable CustomResourceOptions options) {
        super(TYPE, name, Objects.requireNonNull(args, "SecretAclArgs"), Bindings.withDefaults(options));
    }
}
