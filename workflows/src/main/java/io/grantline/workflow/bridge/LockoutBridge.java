package io.grantline.workflow.bridge;

import io.grantline.api.grant.EndReason;
import io.grantline.api.identity.IdentityDeparted;
import io.grantline.api.identity.IdentityId;
import io.grantline.api.identity.IdentityMarkedCompromised;
import io.grantline.api.identity.IdentitySuspended;
import io.grantline.workflow.actor.CausingActor;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * The kill switch's bridge: a compromise, a departure or a suspension starts the identity's lockout process. A tracking
 * processor of its own, beside {@link ProcessBridge}: the general bridge may be working through a burst (a thousand
 * revocations of an earlier compromise each end a grant's process; a wave of filings), and a compromise must not wait
 * behind it. Like the general bridge, its token commits in the engine's transaction, and it checks the engine before
 * starting anything, so an event handled twice starts one process.
 */
@Component
@ProcessingGroup(LockoutBridge.PROCESSING_GROUP)
public class LockoutBridge {

    public static final String PROCESSING_GROUP = "lockout-bridge";
    static final String IDENTITY_LOCKOUT = "identity-lockout";
    private static final String ACTOR = CausingActor.METADATA_KEY;

    private final RuntimeService runtime;
    private final StartedProcesses processes;

    public LockoutBridge(RuntimeService runtime, StartedProcesses processes) {
        this.runtime = runtime;
        this.processes = processes;
    }

    /**
     * The kill switch: the identity's lockout process revokes everything it holds and moves the stages it could decide,
     * in jobs of its own. One process per identity event (its id is the business key), so a second compromise after a
     * reinstatement locks out again.
     */
    @EventHandler
    void on(IdentityMarkedCompromised event, EventMessage<?> message, @MetaDataValue(ACTOR) String actor) {
        lockOut(event.identityId(), EndReason.COMPROMISED, "identity marked compromised: " + event.reason(), message, actor);
    }

    @EventHandler
    void on(IdentityDeparted event, EventMessage<?> message, @MetaDataValue(ACTOR) String actor) {
        lockOut(event.identityId(), EndReason.DEPARTED, "identity departed: " + event.reason(), message, actor);
    }

    /** A suspended identity keeps its grants (a reinstatement gives it back its work) but decides nothing meanwhile. */
    @EventHandler
    void on(IdentitySuspended event, EventMessage<?> message, @MetaDataValue(ACTOR) String actor) {
        lockOut(event.identityId(), null, null, message, actor);
    }

    private void lockOut(IdentityId identityId, EndReason reason, String comment, EventMessage<?> cause, String actor) {
        if (processes.started(IDENTITY_LOCKOUT, cause.getIdentifier())) {
            return;
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put("identityId", identityId.value());
        if (reason != null) {
            variables.put("endReason", reason.name());
            variables.put("comment", comment);
        }
        ProcessBridge.causedBy(variables, actor);
        runtime.createMessageCorrelation("IdentityLockedOut").processInstanceBusinessKey(cause.getIdentifier()).setVariables(variables)
                .correlateStartMessage();
    }

}
