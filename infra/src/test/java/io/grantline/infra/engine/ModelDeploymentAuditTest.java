package io.grantline.infra.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.grantline.api.model.DeployedModel;
import io.grantline.api.model.ModelsDeployed;
import io.grantline.infra.support.GrantlineIntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Which process and decision versions were deployed, by whom, is on the record; the engine's REST API is not served. */
class ModelDeploymentAuditTest extends GrantlineIntegrationTest {

    @Autowired
    RepositoryService repository;
    @Autowired
    IdentityService engineIdentities;
    @Autowired
    EventStore events;

    @Test
    void theModelsDeployedAtStartAreOnTheRecord() {
        Deployment shipped = repository.createDeploymentQuery().list().stream()
                .filter(deployment -> repository.createProcessDefinitionQuery().deploymentId(deployment.getId())
                        .processDefinitionKey("access-request").count() > 0)
                .findFirst().orElseThrow();

        ModelsDeployed recorded = await().atMost(Duration.ofSeconds(20)).until(() -> deployed(shipped.getId()), found -> found != null);

        assertThat(recorded.source()).isEqualTo(ModelDeploymentAudit.AT_START);
        assertThat(recorded.models()).extracting(DeployedModel::key).contains("access-request", "approval-policy", "approval-stages");
    }

    @Test
    void aDeploymentWhileRunningNamesWhoDeployedWhichVersion() {
        String key = "probe-" + UUID.randomUUID().toString().substring(0, 8);
        engineIdentities.setAuthenticatedUserId(ADMIN);
        Deployment deployment;
        try {
            deployment = repository.createDeployment().name("a probe").source("test tool")
                    .addModelInstance(key + ".bpmn", Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1)
                            .startEvent().endEvent().done())
                    .deploy();
        } finally {
            engineIdentities.clearAuthentication();
        }

        ModelsDeployed recorded = deployed(deployment.getId());
        assertThat(recorded).as("recorded in the deployment's own transaction").isNotNull();
        assertThat(recorded.deployedBy()).isEqualTo(ADMIN);
        assertThat(recorded.source()).isEqualTo("test tool");
        assertThat(recorded.models()).containsExactly(new DeployedModel(DeployedModel.Kind.PROCESS, key, 1, key + ".bpmn"));
    }

    @Test
    void theEnginesRestApiAnswersNobodyNotEvenAnAdministrator() {
        long deployments = repository.createDeploymentQuery().count();

        assertThat(admin().get("/engine-rest/process-definition").status()).isEqualTo(403);
        assertThat(admin().send("POST", "/engine-rest/deployment/create", "multipart/form-data; boundary=x",
                "--x\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\njunk\r\n--x--\r\n").status()).isEqualTo(403);
        assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
    }

    private ModelsDeployed deployed(String deploymentId) {
        List<? extends DomainEventMessage<?>> stream = events.readEvents("deployment:" + deploymentId).asStream().toList();
        return stream.isEmpty() ? null : (ModelsDeployed) stream.get(0).getPayload();
    }
}
