package io.grantline.workflow.identity;

import io.grantline.api.identity.FindIdentityNow;
import io.grantline.api.identity.IdentityId;
import io.grantline.api.identity.IdentityStatus;
import io.grantline.api.identity.IdentitySummary;
import io.grantline.api.identity.ListActiveHolders;
import io.grantline.api.identity.ListOwnedIdentities;
import io.grantline.api.identity.ListSponsoredPeople;
import io.grantline.api.identity.Role;
import java.util.List;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

/**
 * The offboarding and sponsorship steps' view of identities, as the event store has them now (the identity index, not
 * a read model): one identity, what an owner owns and whom a sponsor sponsors, and who is told when the person who should be (an owner's manager,
 * an external person's sponsor) cannot be: an inactive person or one without an address is replaced by every active
 * administrator with an address.
 */
@Component
class IdentitiesNow {

    private final QueryGateway queries;

    IdentitiesNow(QueryGateway queries) {
        this.queries = queries;
    }

    Optional<IdentitySummary> find(IdentityId id) {
        return queries.query(new FindIdentityNow(id), ResponseTypes.optionalInstanceOf(IdentitySummary.class)).join();
    }

    /** The active non-human identities {@code ownerId} owns. */
    List<IdentitySummary> ownedBy(IdentityId ownerId) {
        return queries.query(new ListOwnedIdentities(ownerId), ResponseTypes.multipleInstancesOf(IdentitySummary.class)).join();
    }

    /** The active external people {@code sponsorId} sponsors. */
    List<IdentitySummary> sponsoredBy(IdentityId sponsorId) {
        return queries.query(new ListSponsoredPeople(sponsorId), ResponseTypes.multipleInstancesOf(IdentitySummary.class)).join();
    }

    List<IdentitySummary> personOrAdministrators(Optional<IdentitySummary> person) {
        return person.filter(IdentitiesNow::reachable).map(List::of)
                .orElseGet(() -> queries.query(new ListActiveHolders(Role.ADMINISTRATOR), ResponseTypes.multipleInstancesOf(
                        IdentitySummary.class)).join().stream().filter(IdentitiesNow::reachable).toList());
    }

    static boolean reachable(IdentitySummary person) {
        return person.status() == IdentityStatus.ACTIVE && person.email() != null && !person.email().isBlank();
    }
}
