package io.grantline.api.model;

/** Every fact about one deployment of process or decision models. */
public sealed interface ModelDeploymentEvent permits ModelsDeployed {

    ModelDeploymentId deploymentId();
}
