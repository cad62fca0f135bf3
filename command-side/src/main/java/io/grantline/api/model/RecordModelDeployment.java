package io.grantline.api.model;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records a deployment the process engine made, once. */
public record RecordModelDeployment(@TargetAggregateIdentifier ModelDeploymentId deploymentId, String name, String source,
                                    String deployedBy, List<DeployedModel> models) {
}
