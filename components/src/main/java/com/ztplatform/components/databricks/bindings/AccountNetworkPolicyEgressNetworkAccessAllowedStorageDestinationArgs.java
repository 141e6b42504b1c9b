package com.ztplatform.components.databricks.bindings;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import javax.annotation.Nullable;

import java.util.Optional;

/**
 * Input type {@code databricks:index/AccountNetworkPolicyEgressNetworkAccessAllowedStorageDestination:AccountNetworkPolicyEgressNetworkAccessAllowedStorageDestination}.
 *
 * <ul>
 *   <li>{@code azureStorageAccount}: {@code String}</li>
 *   <li>{@code azureStorageService}: like {@code blob} or {@code dfs}</li>
 *   <li>{@code storageDestinationType}: {@code AZURE_STORAGE}</li>
 * </ul>
 */
public final class AccountNetworkPolicyEgressNetworkAccessAllowedStorageDestinationArgs extends ResourceArgs {
    @Import(name = "azureStorageAccount")
    private final @Nullable Output<String> azureStorageAccount;

    @Import(name = "azureStorageService")
    private final @Nullable Output<String> azureStorageService;

    @Import(name = "storageDestinationType")
    private final @Nullable Output<String> storageDestinationType;

    private AccountNetworkPolicyEgressNetworkAccessAllowedStorageDestinationArgs(Builder builder) {
        this.azureStorageAccount = builder.azureStorageAccount;
        this.azureStorageService = builder.azureStorageService;
        this.storageDestinationType = builder.storageDestinationType;
    }

    public Optional<Output<String>> azureStorageAccount() {
        return Optional.ofNullable(this.azureStorageAccount);
    }

    public Optional<Output<String>> azureStorageService() {
        return Optional.ofNullable(this.azureStorageService);
    }

    public Optional<Output<String>> storageDestinationType() {
        return Optional.ofNullable(this.storageDestinationType);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private @Nullable Output<String> azureStorageAccount;
        private @Nullable Output<String> azureStorageService;
        private @Nullable Output<String> storageDestinationType;

        private Builder() {
        }

        public Builder azureStorageAccount(@Nullable Output<String> azureStorageAccount) {
            this.azureStorageAccount = azureStorageAccount;
            return this;
        }

        public Builder azureStorageAccount(String azureStorageAccount) {
            return azureStorageAccount(Output.of(azureStorageAccount));
        }

        public Builder azureStorageService(@Nullable Output<String> azureStorageService) {
            this.azureStorageService = azureStorageService;
            return this;
        }

        public Builder azureStorageService(String azureStorageService) {
            return azureStorageService(Output.of(azureStorageService));
        }

        public Builder storageDestinationType(@Nullable Output<String> storageDestinationType) {
            this.storageDestinationType = storageDestinationType;
            return this;
        }

        public Builder storageDestinationType(String storageDestinationType) {
            return storageDestinationType(Output.of(storageDestinationType));
        }

        public AccountNetworkPolicyEgressNetworkAccessAllowedStorageDestinationArgs build() {
            return new AccountNetworkPolicyEgressNetworkAccessAllowedStorageDestinationArgs(this);
        }
    }
}
