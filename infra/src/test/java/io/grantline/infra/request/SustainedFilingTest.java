package io.grantline.infra.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.grantline.infra.support.Api;
import io.grantline.infra.support.Catalog;
import io.grantline.infra.support.GrantlineIntegrationTest;
import io.grantline.infra.support.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Sixteen clients file valid requests for a minute: none gets a 5xx, and nothing is lost: every accepted request
 * reaches its approval stage with its approver's mail sent, and once approved, its grant is ACTIVE. Runs on
 * PostgreSQL, where the deadlock showed (about 1 in 40 requests under 4 clients).
 */
class SustainedFilingTest extends GrantlineIntegrationTest {

    private static final String PASSWORD = "sustained-password-1";
    private static final int CLIENTS = 16;
    private static final Duration FILING = Duration.ofSeconds(60);

    @Autowired
    TaskService tasks;
    @Autowired
    JdbcClient jdbc;

    @Test
    void sixteenClientsForAMinuteGetNo5xxAndEveryAcceptedRequestReachesItsEnd() throws Exception {
        assumeTrue(TestDatabase.postgresqlRequested(), "the sustained load runs in the PostgreSQL run of the suite");
        Catalog catalog = new Catalog(admin());
        List<String> managers = new ArrayList<>();
        List<String> requesters = new ArrayList<>();
        List<String> entitlements = new ArrayList<>();
        for (int m = 0; m < 4; m++) {
            managers.add(catalog.signIn(catalog.person("load-manager-" + m, null), PASSWORD));
            entitlements.add(catalog.entitlement("load-hmi-" + m, "LOW", managers.get(m), "PT8H"));
            entitlements.add(catalog.entitlement("load-plc-" + m, "MEDIUM", managers.get(m), "PT8H"));
        }
        for (int c = 0; c < CLIENTS; c++) {
            requesters.add(catalog.signIn(catalog.person("load-requester-" + c, managers.get(c % managers.size())), PASSWORD));
        }

        Map<Integer, AtomicInteger> answers = new ConcurrentHashMap<>();
        Collection<String> accepted = new ConcurrentLinkedQueue<>();
        long until = System.nanoTime() + FILING.toNanos();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            Api client = api().as(requesters.get(c), PASSWORD);
            int first = c;
            running.add(clients.submit(() -> {
                for (int n = first; System.nanoTime() < until; n++) {
                    Api.Response filed = client.post("/api/access-requests", "{\"entitlementId\":\"" + entitlements.get(n % entitlements.size())
                            + "\",\"justification\":\"load " + n + "\"}");
                    answers.computeIfAbsent(filed.status(), status -> new AtomicInteger()).incrementAndGet();
                    if (filed.status() == 202) {
                        accepted.add(filed.json().get("id").asText());
                    }
                }
                return null;
            }));
        }
        for (Future<?> client : running) {
            client.get();
        }
        assertThat(answers.keySet()).as("answers by status: %s", answers).containsOnly(202);
        Set<String> requests = new HashSet<>(accepted);
        assertThat(requests).hasSize(accepted.size()).hasSizeGreaterThan(CLIENTS);

        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(withEvent("io.grantline.api.request.ApprovalStageOpened", requests)).as("stages opened").isEqualTo(requests.size()));
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(approvalMailsSent(requests)).as("approval mails sent").isEqualTo(requests.size()));

        Map<String, Api> asManager = new ConcurrentHashMap<>();
        managers.forEach(manager -> asManager.put(manager, api().as(manager, PASSWORD)));
        List<Future<Integer>> decisions = new ArrayList<>();
        for (String request : requests) {
            decisions.add(clients.submit(() -> {
                Task task = tasks.createTaskQuery().processInstanceBusinessKey(request).taskDefinitionKey("decide").singleResult();
                String approver = tasks.getIdentityLinksForTask(task.getId()).stream().map(link -> link.getUserId())
                        .filter(asManager::containsKey).findFirst().orElseThrow();
                return asManager.get(approver).post("/api/approvals/" + task.getId() + "/decision", "{\"outcome\":\"APPROVE\"}").status();
            }));
        }
        for (Future<Integer> decision : decisions) {
            assertThat(decision.get()).isEqualTo(202);
        }
        clients.shutdown();

        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(withEvent("io.grantline.api.request.AccessRequestApproved", requests)).as("approved").isEqualTo(requests.size()));
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            int active = 0;
            for (String requester : requesters) {
                active += admin().get("/api/grants?identityId=" + requester + "&status=ACTIVE").json().size();
            }
            assertThat(active).as("grants ACTIVE, one per request").isEqualTo(requests.size());
        });
    }

    /** How many of {@code requests} have an event of {@code type} on their stream. */
    private long withEvent(String type, Set<String> requests) {
        return jdbc.sql("SELECT DISTINCT aggregateIdentifier FROM DomainEventEntry WHERE payloadType = ?").param(type)
                .query(String.class).list().stream().filter(stream -> requests.contains(stream.substring(stream.indexOf(':') + 1)))
                .count();
    }

    private long approvalMailsSent(Set<String> requests) {
        return jdbc.sql("SELECT dedup_key FROM mail_outbox WHERE status = 'SENT' AND dedup_key LIKE 'approval/REQUESTED/%'")
                .query(String.class).list().stream().map(key -> key.split("/")[2]).filter(requests::contains).distinct().count();
    }
}
