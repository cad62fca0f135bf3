package io.grantline.infra.engine;

import io.grantline.api.model.DeployedModel;
import io.grantline.api.model.ModelDeploymentId;
import io.grantline.api.model.RecordModelDeployment;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ResourceDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Every deployment of process or decision models is a fact on the record ({@code ModelsDeployed}), naming who deployed
 * which versions: a redeployed approval policy cannot change what later requests must pass unnoticed. A deployment
 * made while Grantline runs (Cockpit, an administrator's tool) is recorded in the engine's own transaction; the models
 * deployed at start, before the command side runs, are recorded as soon as it does.
 */
@Component
class ModelDeploymentAudit extends AbstractProcessEnginePlugin {

    static final String AT_START = "START";

    private static final Logger log = LoggerFactory.getLogger(ModelDeploymentAudit.class);

    private final ObjectProvider<CommandGateway> commands;
    private final ObjectProvider<EventStore> events;
    private final ObjectProvider<RepositoryService> repository;
    private final AtomicBoolean running = new AtomicBoolean();

    ModelDeploymentAudit(ObjectProvider<CommandGateway> commands, ObjectProvider<EventStore> events,
                         ObjectProvider<RepositoryService> repository) {
        this.commands = commands;
        this.events = events;
        this.repository = repository;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<Deployer> deployers = configuration.getCustomPostDeployers() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomPostDeployers());
        deployers.add(this::deployed);
        configuration.setCustomPostDeployers(deployers);
    }

    /** Models deployed before the command side ran (at start, by earlier versions) are recorded once it runs. */
    @EventListener(ApplicationReadyEvent.class)
    void recordEarlierDeployments() {
        running.set(true);
        RepositoryService models = repository.getObject();
        for (Deployment deployment : models.createDeploymentQuery().orderByDeploymentTime().asc().list()) {
            ModelDeploymentId id = ModelDeploymentId.of(deployment.getId());
            if (events.getObject().lastSequenceNumberFor(id.toString()).isEmpty()) {
                List<DeployedModel> deployed = new ArrayList<>();
                models.createProcessDefinitionQuery().deploymentId(deployment.getId()).list()
                        .forEach(model -> deployed.add(model(DeployedModel.Kind.PROCESS, model)));
                models.createDecisionRequirementsDefinitionQuery().deploymentId(deployment.getId()).list()
                        .forEach(model -> deployed.add(model(DeployedModel.Kind.DECISION_REQUIREMENTS, model)));
                models.createDecisionDefinitionQuery().deploymentId(deployment.getId()).list()
                        .forEach(model -> deployed.add(model(DeployedModel.Kind.DECISION, model)));
                commands.getObject().sendAndWait(new RecordModelDeployment(id, deployment.getName(), AT_START, null, deployed));
            }
        }
    }

    /** Runs inside the engine's deployment command, in its transaction: the record and the deployment commit together. */
    private void deployed(DeploymentEntity deployment) {
        if (!deployment.isNew() || !running.get()) {
            return;
        }
        List<DeployedModel> deployed = new ArrayList<>();
        orNone(deployment.getDeployedProcessDefinitions()).forEach(model -> deployed.add(model(DeployedModel.Kind.PROCESS, model)));
        orNone(deployment.getDeployedDecisionRequirementsDefinitions())
                .forEach(model -> deployed.add(model(DeployedModel.Kind.DECISION_REQUIREMENTS, model)));
        orNone(deployment.getDeployedDecisionDefinitions()).forEach(model -> deployed.add(model(DeployedModel.Kind.DECISION, model)));
        String deployedBy = Context.getCommandContext().getAuthenticatedUserId();
        log.info("Models deployed by {}: {}", deployedBy == null ? "system" : deployedBy, deployed);
        commands.getObject().sendAndWait(new RecordModelDeployment(ModelDeploymentId.of(deployment.getId()), deployment.getName(),
                deployment.getSource(), deployedBy, deployed));
    }

    private static <T> List<T> orNone(List<T> artifacts) {
        return artifacts == null ? List.of() : artifacts;
    }

    private static DeployedModel model(DeployedModel.Kind kind, ResourceDefinition definition) {
        return new DeployedModel(kind, definition.getKey(), definition.getVersion(), definition.getResourceName());
    }
}
