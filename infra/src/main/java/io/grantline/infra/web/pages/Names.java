package io.grantline.infra.web.pages;

import io.grantline.api.entitlement.EntitlementId;
import io.grantline.api.entitlement.EntitlementSummary;
import io.grantline.api.entitlement.ListEntitlements;
import io.grantline.api.identity.IdentityId;
import io.grantline.api.identity.IdentitySummary;
import io.grantline.api.identity.ListIdentities;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

/**
 * Names people read instead of ids: "Alice Operator", "PLC-7 (Operate)". One read of the catalog per page; an id the
 * catalog does not know yet is shown as it is.
 */
@Component
public class Names {

    /** The catalog as one page sees it. */
    public record Catalog(Map<IdentityId, IdentitySummary> identities, Map<EntitlementId, EntitlementSummary> entitlements) {

        public String person(IdentityId id) {
            if (id == null) {
                return "-";
            }
            IdentitySummary identity = identities.get(id);
            return identity == null ? id.value() : identity.displayName();
        }

        public String access(EntitlementId id) {
            if (id == null) {
                return "-";
            }
            EntitlementSummary entitlement = entitlements.get(id);
            return entitlement == null ? id.value() : entitlement.resource() + " (" + words(entitlement.level()) + ")";
        }

        public EntitlementSummary entitlement(EntitlementId id) {
            return entitlements.get(id);
        }

        private static String words(Enum<?> value) {
            String name = value.name().toLowerCase(java.util.Locale.ROOT);
            return Character.toUpperCase(name.charAt(0)) + name.substring(1);
        }
    }

    private final QueryGateway queries;

    Names(QueryGateway queries) {
        this.queries = queries;
    }

    public Catalog catalog() {
        return new Catalog(identities().stream().collect(Collectors.toMap(IdentitySummary::id, Function.identity())),
                entitlements().stream().collect(Collectors.toMap(EntitlementSummary::id, Function.identity())));
    }

    public List<EntitlementSummary> entitlements() {
        return queries.query(new ListEntitlements(), ResponseTypes.multipleInstancesOf(EntitlementSummary.class)).join();
    }

    public List<IdentitySummary> identities() {
        return queries.query(new ListIdentities(null), ResponseTypes.multipleInstancesOf(IdentitySummary.class)).join();
    }
}
