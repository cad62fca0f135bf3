package io.grantline.api.model;

import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * Process or decision models were deployed: which versions, from where ({@code source}: START for the models shipped
 * with Grantline, or what the deploying tool named), and who deployed them. A changed approval policy or process is
 * thereby on the record like any other fact.
 */
@Revision("1")
public record ModelsDeployed(ModelDeploymentId deploymentId, String name, String source, String deployedBy,
                             List<DeployedModel> models) implements ModelDeploymentEvent {

    public ModelsDeployed {
        models = List.copyOf(models);
    }
}
