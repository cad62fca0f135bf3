package io.grantline.command.model;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.grantline.api.model.ModelDeploymentId;
import io.grantline.api.model.ModelsDeployed;
import io.grantline.api.model.RecordModelDeployment;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One deployment of process or decision models. The approval policy a request records names a decision table's
 * version; this stream says who deployed that version and when.
 */
@Aggregate
public class ModelDeployment {

    @AggregateIdentifier
    private ModelDeploymentId id;

    ModelDeployment() {
        // for Axon: state is rebuilt from the events
    }

    /** Recording the same deployment again changes nothing: it is on the record already. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RecordModelDeployment command) {
        if (id != null) {
            return;
        }
        Objects.requireNonNull(command.deploymentId(), "deploymentId");
        apply(new ModelsDeployed(command.deploymentId(), command.name(), command.source(),
                command.deployedBy() == null ? "system" : command.deployedBy(), command.models()));
    }

    @EventSourcingHandler
    void on(ModelsDeployed event) {
        id = event.deploymentId();
    }
}
