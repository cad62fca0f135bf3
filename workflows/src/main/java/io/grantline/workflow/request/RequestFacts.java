package io.grantline.workflow.request;

import io.grantline.api.entitlement.EntitlementSummary;
import io.grantline.api.entitlement.FindEntitlement;
import io.grantline.api.identity.FindIdentity;
import io.grantline.api.identity.IdentityId;
import io.grantline.api.identity.IdentitySummary;
import io.grantline.api.request.AccessRequestId;
import io.grantline.api.request.AccessRequestSummary;
import io.grantline.api.request.FindAccessRequest;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

/**
 * What a mail says about a request, read from the read models. A process step can run moments after the event that
 * started it, before the read side has caught up, so a missing request is waited for briefly.
 */
@Component
public class RequestFacts {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final QueryGateway queries;

    public RequestFacts(QueryGateway queries) {
        this.queries = queries;
    }

    public AccessRequestSummary request(AccessRequestId id) {
        return await(() -> queries.query(new FindAccessRequest(id), ResponseTypes.optionalInstanceOf(AccessRequestSummary.class)).join(),
                "request " + id.value());
    }

    public Optional<EntitlementSummary> entitlement(io.grantline.api.entitlement.EntitlementId id) {
        return queries.query(new FindEntitlement(id), ResponseTypes.optionalInstanceOf(EntitlementSummary.class)).join();
    }

    public Optional<IdentitySummary> identity(IdentityId id) {
        return queries.query(new FindIdentity(id), ResponseTypes.optionalInstanceOf(IdentitySummary.class)).join();
    }

    private static <T> T await(Supplier<Optional<T>> read, String what) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            Optional<T> found = read.get();
            if (found.isPresent()) {
                return found.get();
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(what + " is not on the read side yet");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
