package io.grantline.infra.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.grantline.infra.support.Api;
import io.grantline.infra.support.Approvals;
import io.grantline.infra.support.Catalog;
import io.grantline.infra.support.GrantlineIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/** Requests, the approval inbox, decisions and grants over the API, including what each caller may not do. */
class ApprovalAndGrantApiTest extends GrantlineIntegrationTest {

    private static final String PASSWORD = "api-password-123";

    @Autowired
    TaskService tasks;

    private Catalog catalog;
    private String manager;
    private String requester;
    private String stranger;
    private String entitlement;

    @BeforeEach
    void plant() {
        catalog = new Catalog(admin());
        manager = catalog.signIn(catalog.person("mia", null), PASSWORD);
        requester = catalog.signIn(catalog.person("ria", manager), PASSWORD);
        stranger = catalog.signIn(catalog.person("sid", manager), PASSWORD);
        entitlement = catalog.entitlement("line-2-operate", "MEDIUM", manager, "PT8H");
    }

    @Test
    void anApproverDecidesFromTheInboxOnceAndTheGrantCanBeRevoked() {
        String requestId = file(requester, "{\"entitlementId\":\"" + entitlement + "\",\"justification\":\"night shift\"}");

        String taskId = awaitInboxItem(manager, requestId);
        assertThat(as(stranger).post("/api/approvals/" + taskId + "/decision", "{\"outcome\":\"APPROVE\"}").status())
                .as("not the stranger's to decide").isEqualTo(403);
        assertThat(as(requester).post("/api/approvals/" + taskId + "/decision", "{\"outcome\":\"APPROVE\"}").status())
                .as("never one's own request").isEqualTo(403);
        Api.Response decided = as(manager).post("/api/approvals/" + taskId + "/decision", "{\"outcome\":\"APPROVE\",\"comment\":\"ok\"}");
        assertThat(decided.status()).isEqualTo(202);
        assertThat(decided.header("Location")).as("where the decision shows").isEqualTo("/api/access-requests/" + requestId);
        assertThat(as(manager).get(decided.header("Location")).status()).as("and the approver may read it").isEqualTo(200);
        Api.Response again = as(manager).post("/api/approvals/" + taskId + "/decision", "{\"outcome\":\"REJECT\"}");
        assertThat(again.status()).as("a repeated decision").isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");

        String grantId = awaitApproved(requestId).get("grantId").asText();
        awaitGrant(grantId, "ACTIVE");
        assertThat(as(requester).get("/api/grants").json().findValuesAsText("id")).contains(grantId);
        assertThat(as(stranger).get("/api/grants/" + grantId).status()).isEqualTo(404);
        assertThat(as(requester).post("/api/grants/" + grantId + "/revoke", "{\"reason\":\"mine\"}").status()).isEqualTo(403);

        assertThat(admin().post("/api/grants/" + grantId + "/revoke", "{\"reason\":\"work finished early\"}").status()).isEqualTo(202);

        JsonNode ended = awaitGrant(grantId, "ENDED");
        assertThat(ended.get("endReason").asText()).isEqualTo("REVOKED");
        assertThat(admin().get("/api/grants?identityId=" + requester + "&status=ACTIVE").json().findValuesAsText("id"))
                .doesNotContain(grantId);
    }

    /**
     * grantline.flags.fast-approval-within (PT10S): measured from the stage's opening in the event store to the decision,
     * the request shows the flag exactly when the approval came sooner than that (a loaded machine may take longer to
     * show the inbox: then it must not be flagged).
     */
    @Test
    void anApprovalSecondsAfterTheApproverWasAskedIsFlaggedForAuditors() {
        String requestId = file(requester, "{\"entitlementId\":\"" + entitlement + "\",\"justification\":\"quick one\"}");
        String taskId = awaitInboxItem(manager, requestId);
        assertThat(as(manager).post("/api/approvals/" + taskId + "/decision", "{\"outcome\":\"APPROVE\"}").status()).isEqualTo(202);

        JsonNode approved = awaitApproved(requestId);
        JsonNode history = admin().get("/api/compliance/identities/" + requester + "/history").json().get("events");
        Instant opened = null;
        for (JsonNode event : history) {
            if (event.get("type").asText().equals("ApprovalStageOpened") && event.get("aggregateId").asText().endsWith(requestId)) {
                opened = Instant.parse(event.get("timestamp").asText());
            }
        }
        assertThat(opened).as("the stage's opening in the history").isNotNull();
        Duration afterAsked = Duration.between(opened, Instant.parse(approved.at("/stages/0/decision/at").asText()));
        JsonNode flags = approved.at("/stages/0/decision/flags");
        if (afterAsked.compareTo(Duration.ofSeconds(10)) < 0) {
            assertThat(flags.size()).as("approved %s after being asked", afterAsked).isEqualTo(1);
            assertThat(flags.get(0).get("kind").asText()).isEqualTo("FAST_APPROVAL");
            // the read side keeps instants to the millisecond
            assertThat(Duration.parse(flags.get(0).get("afterAsked").asText()).minus(afterAsked).abs()).isLessThan(Duration.ofMillis(2));
            assertThat(as(requester).get("/requests/" + requestId).body()).contains("flagged: approved");
        } else {
            assertThat(flags.size()).as("approved %s after being asked", afterAsked).isZero();
        }
    }

    @Test
    void aStageOpenedByAProcessVersionFromBeforeTheStageNamedItsTaskIsStillDecided() {
        String requestId = file(requester, "{\"entitlementId\":\"" + entitlement + "\",\"justification\":\"upgrade\"}");
        String taskId = awaitInboxItem(manager, requestId);
        // the decide task as an older access-request.bpmn named it: without its stage
        Task task = tasks.createTaskQuery().processInstanceBusinessKey(requestId).taskDefinitionKey("decide").singleResult();
        assertThat(task.getName()).isEqualTo("Decide on the request, stage 1");
        task.setName("Decide on the request");
        tasks.saveTask(task);

        assertThat(as(manager).post("/api/approvals/" + taskId + "/decision", "{\"outcome\":\"APPROVE\"}").status()).isEqualTo(202);

        awaitGrant(awaitApproved(requestId).get("grantId").asText(), "ACTIVE");
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(requestId).count()).isZero();
    }

    @Test
    void aCompromisedIdentityLosesEveryGrantAtOnce() {
        String requestId = file(requester, "{\"entitlementId\":\"" + entitlement + "\",\"justification\":\"line change\"}");
        String taskId = awaitInboxItem(manager, requestId);
        assertThat(as(manager).post("/api/approvals/" + taskId + "/decision", "{\"outcome\":\"APPROVE\"}").status()).isEqualTo(202);
        JsonNode approved = awaitApproved(requestId);
        assertThat(approved.at("/stages/0/decision").has("comment")).as("listed without a '?': there, null").isTrue();
        assertThat(approved.at("/stages/0/decision/comment").isNull()).isTrue();
        String grantId = approved.get("grantId").asText();
        awaitGrant(grantId, "ACTIVE");

        assertThat(admin().post("/api/identities/" + requester + "/compromised", "{\"reason\":\"credentials phished\"}").status())
                .isEqualTo(202);

        assertThat(awaitGrant(grantId, "ENDED").get("endReason").asText()).isEqualTo("COMPROMISED");
    }

    @Test
    void aRequesterMayAskForANonHumanIdentityTheyOwn() {
        String robot = catalog.id("robot-7");
        assertThat(admin().post("/api/identities", """
                {"id":"%s","kind":"MACHINE","displayName":"Robot 7","ownerId":"%s"}""".formatted(robot, requester)).status())
                .isEqualTo(202);
        catalog.awaitVisible("/api/identities/" + robot);

        String requestId = file(requester, "{\"beneficiaryId\":\"" + robot + "\",\"entitlementId\":\"" + entitlement
                + "\",\"justification\":\"robot needs the recipe server\"}");

        await().atMost(Duration.ofSeconds(10)).until(() -> admin().get("/api/access-requests/" + requestId).status() == 200);
        assertThat(as(requester).get("/api/access-requests/" + requestId).json().get("beneficiaryId").asText()).isEqualTo(robot);
        assertThat(as(stranger).get("/api/access-requests/" + requestId).status()).as("not the stranger's to read").isEqualTo(404);

        // the robot's grant is its owner's to read, as its request is; a stranger's it is not
        String taskId = awaitInboxItem(manager, requestId);
        assertThat(as(manager).post("/api/approvals/" + taskId + "/decision", "{\"outcome\":\"APPROVE\"}").status()).isEqualTo(202);
        String grantId = awaitApproved(requestId).get("grantId").asText();
        awaitGrant(grantId, "ACTIVE");
        assertThat(as(requester).get("/api/grants/" + grantId).json().get("identityId").asText()).isEqualTo(robot);
        assertThat(as(requester).get("/api/grants?identityId=" + robot).json()).extracting(grant -> grant.get("id").asText())
                .containsExactly(grantId);
        assertThat(as(stranger).get("/api/grants/" + grantId).status()).isEqualTo(404);
        assertThat(as(stranger).get("/api/grants?identityId=" + robot).status()).isEqualTo(403);
    }

    @Test
    void aSecurityOperatorReadsAnyRequestAsTheListShowsIt() {
        String operator = catalog.signIn(catalog.person("soren", null), PASSWORD);
        assertThat(admin().put("/api/identities/" + operator + "/roles", "{\"roles\":[\"SECURITY_OPERATOR\"]}").status()).isEqualTo(202);
        String requestId = file(requester, "{\"entitlementId\":\"" + entitlement + "\",\"justification\":\"line change\"}");
        awaitInboxItem(manager, requestId);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(as(operator).get("/api/access-requests").body()).contains(requestId));
        Api.Response read = as(operator).get("/api/access-requests/" + requestId);
        assertThat(read.status()).as("%s", read).isEqualTo(200);
        assertThat(read.json().get("requesterId").asText()).isEqualTo(requester);
    }

    @Test
    void aRequesterWithdrawsAPendingRequest() {
        String requestId = file(requester, "{\"entitlementId\":\"" + entitlement + "\",\"justification\":\"maybe\"}");
        awaitInboxItem(manager, requestId);
        assertThat(as(stranger).post("/api/access-requests/" + requestId + "/cancel", "").status()).isEqualTo(403);

        assertThat(as(requester).post("/api/access-requests/" + requestId + "/cancel", "").status()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(20)).until(() ->
                "CANCELLED".equals(admin().get("/api/access-requests/" + requestId).json().get("status").asText()));
        await().atMost(Duration.ofSeconds(20)).until(() ->
                !as(manager).get("/api/approvals/inbox").body().contains(requestId));
    }

    static Stream<Arguments> badRequests() {
        return Stream.of(
                Arguments.of("an unknown entitlement", "{\"entitlementId\":\"nope\",\"justification\":\"x\"}", 400, "entitlementId"),
                Arguments.of("a duration over the maximum", "{\"entitlementId\":\"{e}\",\"justification\":\"x\",\"duration\":\"PT9H\"}", 400, "duration"),
                Arguments.of("a duration under the minimum", "{\"entitlementId\":\"{e}\",\"justification\":\"x\",\"duration\":\"PT5M\"}", 400, "duration"),
                Arguments.of("a duration that is not one", "{\"entitlementId\":\"{e}\",\"justification\":\"x\",\"duration\":\"soon\"}", 400, "duration"),
                Arguments.of("no justification", "{\"entitlementId\":\"{e}\"}", 400, "justification"),
                Arguments.of("someone else as beneficiary", "{\"beneficiaryId\":\"{m}\",\"entitlementId\":\"{e}\",\"justification\":\"x\"}", 403, "beneficiaryId"),
                Arguments.of("emergency that is not a yes or no", "{\"entitlementId\":\"{e}\",\"justification\":\"x\",\"emergency\":\"soon\"}", 400, "emergency"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void aBadRequestIsAProblemAndStoresNothing(String what, String body, int status, String field) {
        long since = eventStore.head();

        Api.Response response = as(requester).post("/api/access-requests", body.replace("{e}", entitlement).replace("{m}", manager));

        assertThat(response.status()).as("%s → %s", what, response).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("field").asText()).isEqualTo(field);
        assertThat(eventStore.countOfTypeSince(since, "AccessRequested")).as("no request filed").isZero();
    }

    private Api as(String who) {
        return api().as(who, PASSWORD);
    }

    private String file(String who, String body) {
        Api.Response filed = as(who).post("/api/access-requests", body);
        assertThat(filed.status()).as("%s", filed).isEqualTo(202);
        return filed.json().get("id").asText();
    }

    private String awaitInboxItem(String approver, String requestId) {
        return Approvals.awaitTask(as(approver), requestId);
    }

    private JsonNode awaitApproved(String requestId) {
        await().atMost(Duration.ofSeconds(20)).until(() ->
                "APPROVED".equals(admin().get("/api/access-requests/" + requestId).json().path("status").asText()));
        return admin().get("/api/access-requests/" + requestId).json();
    }

    private JsonNode awaitGrant(String id, String status) {
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            Api.Response response = admin().get("/api/grants/" + id);
            return response.status() == 200 && status.equals(response.json().get("status").asText());
        });
        return admin().get("/api/grants/" + id).json();
    }
}
