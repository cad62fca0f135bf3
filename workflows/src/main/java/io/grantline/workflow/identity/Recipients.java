package io.grantline.workflow.identity;

import io.grantline.api.identity.IdentityStatus;
import io.grantline.api.identity.IdentitySummary;
import io.grantline.api.identity.ListActiveHolders;
import io.grantline.api.identity.Role;
import java.util.List;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

/**
 * Who is told when the person who should be (an owner's manager, an external person's sponsor) cannot be: an
 * inactive person or one without an address is replaced by every active administrator with an address.
 */
@Component
class Recipients {

    private final QueryGateway queries;

    Recipients(QueryGateway queries) {
        this.queries = queries;
    }

    List<IdentitySummary> personOrAdministrators(Optional<IdentitySummary> person) {
        return person.filter(Recipients::reachable).map(List::of)
                .orElseGet(() -> queries.query(new ListActiveHolders(Role.ADMINISTRATOR), ResponseTypes.multipleInstancesOf(
                        IdentitySummary.class)).join().stream().filter(Recipients::reachable).toList());
    }

    static boolean reachable(IdentitySummary person) {
        return person.status() == IdentityStatus.ACTIVE && person.email() != null && !person.email().isBlank();
    }
}
