package io.grantline.infra.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.grantline.infra.support.Catalog;
import io.grantline.infra.support.GrantlineIntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A database upgraded from before the entitlement index (migration V6_10) held entitlements the index never saw, and a
 * campaign left their grants out. Migration V7_1 asks for a build from the events; here an entitlement is made to
 * look like such an old one (its index row gone, the request for a build put back) and the build brings its row back,
 * as its latest owner and tier say, once.
 */
class ReviewEntitlementBackfillTest extends GrantlineIntegrationTest {

    @Autowired
    ReviewRoutingIndex routing;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anEntitlementTheIndexNeverSawIsBuiltFromItsEventsOnceAsItsLatestEventsSay() {
        Catalog catalog = new Catalog(admin());
        String firstOwner = catalog.person("bf-owner", null);
        String laterOwner = catalog.person("bf-new-owner", null);
        String entitlement = catalog.entitlement("bf-historian", "LOW", firstOwner, "P30D");
        assertThat(admin().put("/api/entitlements/" + entitlement + "/owner", "{\"ownerId\":\"" + laterOwner + "\"}").status())
                .isEqualTo(202);
        assertThat(admin().put("/api/entitlements/" + entitlement + "/policy",
                "{\"risk\":\"MEDIUM\",\"maxDuration\":\"P30D\",\"sodConflicts\":[]}").status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(10)).until(() -> row(entitlement).equals(Optional.of(List.of(laterOwner, "MEDIUM"))));

        // as on a database from before the index: the entitlement's row was never written, so no campaign saw its grants
        jdbc.sql("DELETE FROM review_entitlement_index WHERE entitlement_id = ?").param(entitlement).update();
        jdbc.sql("INSERT INTO index_backfill (index_name) VALUES (?)").param(ReviewRoutingIndex.ENTITLEMENT_INDEX).update();

        routing.buildEntitlementIndexOnceFromTheEvents();

        assertThat(row(entitlement)).as("owner and tier as their latest events say").contains(List.of(laterOwner, "MEDIUM"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM index_backfill").query(Long.class).single()).as("built once").isZero();

        jdbc.sql("DELETE FROM review_entitlement_index WHERE entitlement_id = ?").param(entitlement).update();
        routing.buildEntitlementIndexOnceFromTheEvents();
        assertThat(row(entitlement)).as("no second build without a new request").isEmpty();
        // put it back as it was, for the tests that share this database
        jdbc.sql("INSERT INTO index_backfill (index_name) VALUES (?)").param(ReviewRoutingIndex.ENTITLEMENT_INDEX).update();
        routing.buildEntitlementIndexOnceFromTheEvents();
        assertThat(row(entitlement)).isPresent();
    }

    private Optional<List<String>> row(String entitlement) {
        return jdbc.sql("SELECT owner_id, risk FROM review_entitlement_index WHERE entitlement_id = ?").param(entitlement)
                .query((rs, n) -> List.of(rs.getString(1), rs.getString(2))).optional();
    }
}
