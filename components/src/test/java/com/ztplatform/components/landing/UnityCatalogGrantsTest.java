package com.ztplatform.components.landing;

import com.ztplatform.components.landing.UnityCatalogGrants.Kind;
import com.ztplatform.components.landing.UnityCatalogGrants.Planned;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class UnityCatalogGrantsTest {

    @Test
    void tablesNeedUseOnTheirParentsAndSelectOnThemselvesOnly() {
        var plan = UnityCatalogGrants.plan(List.of(LandingSource.table("main.sales.orders", "orders"),
                LandingSource.table("main.sales.returns", "returns")));
        assertThat(plan.grants()).containsExactly(
                new Planned(Kind.CATALOG, "main", List.of("USE_CATALOG")),
                new Planned(Kind.SCHEMA, "main.sales", List.of("USE_SCHEMA")),
                new Planned(Kind.TABLE, "main.sales.orders", List.of("SELECT")),
                new Planned(Kind.TABLE, "main.sales.returns", List.of("SELECT")));
        assertThat(plan.externalPaths()).isEmpty();
    }

    @Test
    void volumePathsNeedReadVolumeOnTheVolumeNotOnTheFolder() {
        var plan = UnityCatalogGrants.plan(List.of(
                LandingSource.path("/Volumes/raw/exports/daily/customers/2026", "csv", "customers")));
        assertThat(plan.grants()).containsExactly(
                new Planned(Kind.CATALOG, "raw", List.of("USE_CATALOG")),
                new Planned(Kind.SCHEMA, "raw.exports", List.of("USE_SCHEMA")),
                new Planned(Kind.VOLUME, "raw.exports.daily", List.of("READ_VOLUME")));
    }

    @Test
    void externalPathsAreReportedNotGranted() {
        var plan = UnityCatalogGrants.plan(List.of(
                LandingSource.path("abfss://raw@stztraw.dfs.core.windows.net/orders", "parquet", "orders")));
        assertThat(plan.grants()).isEmpty();
        assertThat(plan.externalPaths()).containsExactly("abfss://raw@stztraw.dfs.core.windows.net/orders");
    }

    @Test
    void theSqlFormNamesTheMissingGrant() {
        assertThat(new Planned(Kind.VOLUME, "raw.exports.daily", List.of("READ_VOLUME")).sql("app-1"))
                .isEqualTo("GRANT READ VOLUME ON VOLUME raw.exports.daily TO `app-1`");
    }

    /** Whatever the sources, every securable is granted once, and nothing broader than USE sits above a leaf. */
    @Property(tries = 200)
    void everySourceIsCoveredAndNothingIsGrantedTwice(@ForAll @AlphaChars @StringLength(min = 1, max = 3) String c,
                                                      @ForAll @AlphaChars @StringLength(min = 1, max = 3) String s,
                                                      @ForAll @AlphaChars @StringLength(min = 1, max = 3) String t,
                                                      @ForAll boolean volume) {
        var source = volume ? LandingSource.path("/Volumes/" + c + "/" + s + "/" + t + "/x", "csv", "d")
                : LandingSource.table(c + "." + s + "." + t, "d");
        var plan = UnityCatalogGrants.plan(List.of(source, source, LandingSource.table(c + "." + s + ".other", "e")));
        assertThat(plan.grants()).extracting(g -> g.kind() + ":" + g.securable()).doesNotHaveDuplicates();
        assertThat(plan.grants()).filteredOn(g -> g.kind() == Kind.CATALOG)
                .singleElement().satisfies(g -> assertThat(g.privileges()).containsExactly("USE_CATALOG"));
        assertThat(plan.grants()).filteredOn(g -> g.kind() == Kind.SCHEMA)
                .singleElement().satisfies(g -> assertThat(g.privileges()).containsExactly("USE_SCHEMA"));
        assertThat(plan.grants()).anySatisfy(g -> {
            assertThat(g.securable()).isEqualTo(c + "." + s + "." + t);
            assertThat(g.privileges()).containsExactly(volume ? "READ_VOLUME" : "SELECT");
        });
    }
}
