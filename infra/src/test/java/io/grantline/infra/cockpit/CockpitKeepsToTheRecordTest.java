package io.grantline.infra.cockpit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.grantline.infra.support.Api;
import io.grantline.infra.support.Approvals;
import io.grantline.infra.support.Catalog;
import io.grantline.infra.support.GrantlineIntegrationTest;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An administrator in Cockpit may read every process, retry a failed step and deploy models, but may not change a
 * request's or a grant's course outside the record: cancelling a grant's lifecycle would keep the grant past its end,
 * completing an approval task would close a stage with no decision on record.
 */
class CockpitKeepsToTheRecordTest extends GrantlineIntegrationTest {

    private static final String PASSWORD = "cockpit-record-12";
    private static final String ENGINE = "/camunda/api/engine/engine/default/";

    private final CookieManager cookies = new CookieManager();
    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
    private final ObjectMapper json = new ObjectMapper();

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    private Catalog catalog;
    private String manager;
    private String operator;
    private String entitlement;

    @BeforeEach
    void signInToCockpit() throws Exception {
        catalog = new Catalog(admin());
        manager = catalog.signIn(catalog.person("mira", null), PASSWORD);
        operator = catalog.signIn(catalog.person("otto", manager), PASSWORD);
        entitlement = catalog.entitlement("hmi-line-4", "LOW", manager, "P30D");
        String csrf = Jsoup.parse(send("GET", "/login", null).body()).select("input[name=_csrf]").attr("value");
        HttpResponse<String> signIn = browser.send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + ADMIN + "&password=" + enc(ADMIN_PASSWORD) + "&_csrf=" + enc(csrf)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signIn.statusCode()).isEqualTo(302);
        assertThat(send("GET", "/camunda/app/cockpit/default/", null).statusCode()).isEqualTo(200);
    }

    @Test
    void aGrantsLifecycleCannotBeCancelledSuspendedOrRetimedFromCockpit() throws Exception {
        String grantId = Approvals.activeGrant(admin(), api().as(operator, PASSWORD), api().as(manager, PASSWORD), request());
        ProcessInstance lifecycle = runtime.createProcessInstanceQuery().processDefinitionKey("grant-lifecycle")
                .processInstanceBusinessKey(grantId).singleResult();
        Job timer = management.createJobQuery().processInstanceId(lifecycle.getId()).timers().list().get(0);

        assertOutsideTheRecord(send("DELETE", ENGINE + "process-instance/" + lifecycle.getId(), null));
        assertOutsideTheRecord(send("PUT", ENGINE + "process-instance/" + lifecycle.getId() + "/suspended", "{\"suspended\":true}"));
        assertOutsideTheRecord(send("PUT", ENGINE + "job/" + timer.getId() + "/duedate", "{\"duedate\":\"2099-01-01T00:00:00.000+0000\"}"));
        assertOutsideTheRecord(send("POST", ENGINE + "process-instance/delete", "{\"processInstanceIds\":[\"" + lifecycle.getId() + "\"]}"));
        // a "retry" that moves the timer, or leaves it no retries (parked for good), or reaches every timer by a query
        assertOutsideTheRecord(send("PUT", ENGINE + "job/" + timer.getId() + "/retries",
                "{\"retries\":3,\"dueDate\":\"2099-01-01T00:00:00.000+0000\"}"));
        assertOutsideTheRecord(send("PUT", ENGINE + "job/" + timer.getId() + "/retries", "{\"retries\":0}"));
        assertOutsideTheRecord(send("POST", ENGINE + "job/retries", "{\"retries\":1,\"jobQuery\":{\"timers\":true}}"));

        ProcessInstance after = runtime.createProcessInstanceQuery().processInstanceId(lifecycle.getId()).singleResult();
        assertThat(after).as("the lifecycle still runs").isNotNull();
        assertThat(after.isSuspended()).isFalse();
        assertThat(management.createJobQuery().jobId(timer.getId()).singleResult().getDuedate()).isEqualTo(timer.getDuedate());
        assertThat(admin().get("/api/grants/" + grantId).json().get("status").asText()).isEqualTo("ACTIVE");
    }

    @Test
    void anApprovalTaskCannotBeCompletedOrItsProcessMessagedFromTheWebapps() throws Exception {
        Api.Response filed = api().as(operator, PASSWORD).post("/api/access-requests", request());
        String requestId = filed.json().get("id").asText();
        String taskId = Approvals.awaitTask(api().as(manager, PASSWORD), requestId);

        assertOutsideTheRecord(send("POST", ENGINE + "task/" + taskId + "/complete", "{}"));
        assertOutsideTheRecord(send("POST", ENGINE + "message", "{\"messageName\":\"AccessRequestRejected\",\"businessKey\":\"" + requestId + "\"}"));
        assertOutsideTheRecord(send("POST", ENGINE + "process-instance/" + runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(requestId).singleResult().getId() + "/variables", "{\"modifications\":{}}"));

        assertThat(Approvals.awaitTask(api().as(manager, PASSWORD), requestId)).as("still waiting for the manager").isEqualTo(taskId);
        assertThat(admin().get("/api/access-requests/" + requestId).json().get("status").asText()).isEqualTo("PENDING");
        HttpResponse<String> tasklist = send("GET", "/camunda/app/tasklist/default/", null);
        assertThat(tasklist.statusCode()).isEqualTo(302);
        assertThat(tasklist.headers().firstValue("Location").orElseThrow()).endsWith("/inbox");
    }

    @Test
    void cockpitStillSearchesAndRetriesAFailedStep() throws Exception {
        String grantId = Approvals.activeGrant(admin(), api().as(operator, PASSWORD), api().as(manager, PASSWORD), request());
        ProcessInstance lifecycle = runtime.createProcessInstanceQuery().processDefinitionKey("grant-lifecycle")
                .processInstanceBusinessKey(grantId).singleResult();
        String timer = management.createJobQuery().processInstanceId(lifecycle.getId()).timers().list().get(0).getId();

        HttpResponse<String> count = send("POST", ENGINE + "process-instance/count", "{\"businessKey\":\"" + grantId + "\"}");
        assertThat(count.statusCode()).as(count.body()).isEqualTo(200);
        assertThat(json.readTree(count.body()).get("count").asInt()).isEqualTo(1);
        HttpResponse<String> found = send("POST", ENGINE + "history/process-instance", "{\"processInstanceId\":\"" + lifecycle.getId() + "\"}");
        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(json.readTree(found.body())).singleElement()
                .satisfies(instance -> assertThat(instance.get("businessKey").asText()).isEqualTo(grantId));

        HttpResponse<String> retry = send("PUT", ENGINE + "job/" + timer + "/retries", "{\"retries\":3}");
        assertThat(retry.statusCode()).as(retry.body()).isEqualTo(204);
        HttpResponse<String> batch = send("POST", ENGINE + "job/retries", "{\"retries\":3,\"jobIds\":[\"" + timer + "\"]}");
        assertThat(batch.statusCode()).as(batch.body()).isEqualTo(200);
    }

    private static void assertOutsideTheRecord(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(response.body()).contains("urn:grantline:problem:outside-the-record");
    }

    private String request() {
        return "{\"entitlementId\":\"" + entitlement + "\",\"justification\":\"line 4 changeover\",\"duration\":\"P1D\"}";
    }

    /** As Cockpit's own pages call the engine: the session's cookie and Camunda's CSRF token in its header. */
    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Accept", path.startsWith("/camunda/api/") ? "application/json" : "text/html")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        cookies.getCookieStore().getCookies().stream().filter(cookie -> "XSRF-TOKEN".equals(cookie.getName()))
                .map(HttpCookie::getValue).findFirst().ifPresent(token -> request.header("X-XSRF-TOKEN", token));
        return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
