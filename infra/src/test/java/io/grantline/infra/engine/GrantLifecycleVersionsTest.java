package io.grantline.infra.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.grantline.infra.support.Approvals;
import io.grantline.infra.support.Catalog;
import io.grantline.infra.support.GrantlineIntegrationTest;
import java.io.InputStream;
import java.time.Duration;
import java.util.Date;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A grant started on the model from before extensions moves to the latest model at start, waiting where it waited and
 * with its expiry where it was: at its end it asks whether it was extended instead of removing the access.
 */
class GrantLifecycleVersionsTest extends GrantlineIntegrationTest {

    private static final String PASSWORD = "versions-password-1";

    @Autowired
    GrantLifecycleVersions versions;
    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;

    @Test
    void aGrantOnTheModelFromBeforeExtensionsMovesToTheLatestWithItsTimers() throws Exception {
        Catalog catalog = new Catalog(admin());
        String manager = catalog.signIn(catalog.person("mats", null), PASSWORD);
        String holder = catalog.signIn(catalog.person("hedda", manager), PASSWORD);
        String entitlement = catalog.entitlement("kiln-2-hmi", "LOW", manager, "PT8H");
        String grantId = Approvals.activeGrant(admin(), api().as(holder, PASSWORD), api().as(manager, PASSWORD),
                "{\"entitlementId\":\"" + entitlement + "\",\"justification\":\"kiln 2 relining\",\"duration\":\"PT2H\"}");
        ProcessInstance instance = runtime.createProcessInstanceQuery().processDefinitionKey(GrantLifecycleVersions.PROCESS)
                .processInstanceBusinessKey(grantId).singleResult();
        ProcessDefinition current = repository.getProcessDefinition(instance.getProcessDefinitionId());
        Date expiresAt = management.createJobQuery().processInstanceId(instance.getId()).activityId("expires").singleResult().getDuedate();

        // an installation upgraded from before extensions: the grant's instance runs the old model, the latest is the new
        // (the old model is kept under a name the engine's auto-deployment does not pick up)
        ProcessDefinition before = deploy("bpmn-history/grant-lifecycle-before-extensions.model.xml");
        deploy("bpmn/grant-lifecycle.bpmn");
        MigrationPlan back = runtime.createMigrationPlan(current.getId(), before.getId()).mapEqualActivities().build();
        runtime.newMigration(back).processInstanceIds(instance.getId()).execute();
        assertThat(definitionOf(instance)).isEqualTo(before.getId());

        assertThat(versions.migrate()).contains(before.getVersion());

        ProcessDefinition latest = repository.createProcessDefinitionQuery().processDefinitionKey(GrantLifecycleVersions.PROCESS)
                .latestVersion().singleResult();
        await().atMost(Duration.ofSeconds(30)).until(() -> definitionOf(instance).equals(latest.getId()));
        assertThat(runtime.getActiveActivityIds(instance.getId())).containsExactly("active");
        assertThat(management.createJobQuery().processInstanceId(instance.getId()).activityId("expires").singleResult().getDuedate())
                .isEqualTo(expiresAt);
        assertThat(runtime.createEventSubscriptionQuery().processInstanceId(instance.getId()).eventName("GrantExtended").count())
                .as("the moved grant hears of extensions, to tell its target the new end").isEqualTo(1);
        assertThat(versions.migrate()).as("nothing left on an older version").doesNotContain(before.getVersion());
    }

    private ProcessDefinition deploy(String resource) throws Exception {
        try (InputStream model = getClass().getClassLoader().getResourceAsStream(resource)) {
            String deployment = repository.createDeployment().name("grant-lifecycle, " + resource).enableDuplicateFiltering(false)
                    .addInputStream("grant-lifecycle.bpmn", model).deploy().getId();
            return repository.createProcessDefinitionQuery().deploymentId(deployment).singleResult();
        }
    }

    private String definitionOf(ProcessInstance instance) {
        return runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).singleResult().getProcessDefinitionId();
    }
}
