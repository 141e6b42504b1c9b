package com.ztplatform.components.databricks.bindings;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import javax.annotation.Nullable;

import java.util.Optional;

/**
 * Input type {@code databricks:index/JobJobClusterNewClusterAzureAttributes:JobJobClusterNewClusterAzureAttributes}.
 *
 * <ul>
 *   <li>{@code availability}: {@code ON_DEMAND_AZURE}, {@code SPOT_AZURE} or {@code SPOT_WITH_FALLBACK_AZURE}</li>
 *   <li>{@code firstOnDemand}: {@code Integer}</li>
 *   <li>{@code spotBidMaxPrice}: -1 pays up to the on-demand price</li>
 * </ul>
 */
public final class JobJobClusterNewClusterAzureAttributesArgs extends ResourceArgs {
    @Import(name = "availability")
    private final @Nullable Output<String> availability;

    @Import(name = "firstOnDemand")
    private final @Nullable Output<Integer> firstOnDemand;

    @Import(name = "spotBidMaxPrice")
    private final @Nullable Output<Double> spotBidMaxPrice;

    private JobJobClusterNewClusterAzureAttributesArgs(Builder builder) {
        this.availability = builder.availability;
        this.firstOnDemand = builder.firstOnDemand;
        this.spotBidMaxPrice = builder.spotBidMaxPrice;
    }

    public Optional<Output<String>> availability() {
        return Optional.ofNullable(this.availability);
    }

    public Optional<Output<Integer>> firstOnDemand() {
        return Optional.ofNullable(this.firstOnDemand);
    }

    public Optional<Output<Double>> spotBidMaxPrice() {
        return Optional.ofNullable(this.spotBidMaxPrice);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private @Nullable Output<String> availability;
        private @Nullable Output<Integer> firstOnDemand;
        private @Nullable Output<Double> spotBidMaxPrice;

        private Builder() {
        }

        public Builder availability(@Nullable Output<String> availability) {
            this.availability = availability;
            return this;
        }

        public Builder availability(String availability) {
            return availability(Output.of(availability));
        }

        public Builder firstOnDemand(@Nullable Output<Integer> firstOnDemand) {
            this.firstOnDemand = firstOnDemand;
            return this;
        }

        public Builder firstOnDemand(Integer firstOnDemand) {
            return firstOnDemand(Output.of(firstOnDemand));
        }

        public Builder spotBidMaxPrice(@Nullable Output<Double> spotBidMaxPrice) {
            this.spotBidMaxPrice = spotBidMaxPrice;
            return this;
        }

        public Builder spotBidMaxPrice(Double spotBidMaxPrice) {
            return spotBidMaxPrice(Output.of(spotBidMaxPrice));
        }

        public JobJobClusterNewClusterAzureAttributesArgs build() {
            return new JobJobClusterNewClusterAzureAttributesArgs(this);
        }
    }
}
