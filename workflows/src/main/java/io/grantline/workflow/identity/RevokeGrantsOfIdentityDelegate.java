package io.grantline.workflow.identity;

import io.grantline.api.grant.EndReason;
import io.grantline.api.grant.GrantId;
import io.grantline.api.grant.ListActiveGrantsOf;
import io.grantline.api.grant.RevokeGrant;
import io.grantline.api.identity.IdentityId;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.queryhandling.QueryGateway;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The kill switch's first step: revokes every grant the identity holds, as the active-grant index (written in the
 * event store's transaction) lists them. The revocations of a chunk share one unit of work: the chunk's grant streams
 * are read with one query before its commands load them, and their events are appended, and hash-chained, as one
 * batch; all of them commit with the job, at once. A retried job finds only the grants still active.
 */
@Component("revokeGrantsOfIdentity")
class RevokeGrantsOfIdentityDelegate implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(RevokeGrantsOfIdentityDelegate.class);
    private static final int CHUNK = 100;

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final StreamReadAhead streams;

    RevokeGrantsOfIdentityDelegate(CommandGateway commands, QueryGateway queries, StreamReadAhead streams) {
        this.commands = commands;
        this.queries = queries;
        this.streams = streams;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object endReason = execution.getVariable("endReason");
        if (endReason == null) {
            return; // a suspension: the identity keeps its grants
        }
        EndReason reason = EndReason.valueOf((String) endReason);
        IdentityId identityId = IdentityId.of((String) execution.getVariable("identityId"));
        String comment = (String) execution.getVariable("comment");
        long started = System.nanoTime();
        List<GrantId> active = queries.query(new ListActiveGrantsOf(identityId), ResponseTypes.multipleInstancesOf(GrantId.class)).join();
        for (int from = 0; from < active.size(); from += CHUNK) {
            List<GrantId> chunk = active.subList(from, Math.min(active.size(), from + CHUNK));
            DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("revoke grants of " + identityId.value()));
            try {
                streams.readAhead(chunk.stream().map(GrantId::toString).toList());
                chunk.forEach(grant -> commands.sendAndWait(new RevokeGrant(grant, reason, comment)));
                unitOfWork.commit();
            } catch (RuntimeException e) {
                unitOfWork.rollback(e);
                throw e;
            }
        }
        log.info("Revoked {} grant(s) of identity {} ({}) in {} ms; they commit with this step", active.size(), identityId.value(),
                reason, (System.nanoTime() - started) / 1_000_000);
    }
}
