package io.grantline.infra.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;

/** A request taken through one approval stage over the API, as its requester and approver would. */
public final class Approvals {

    private Approvals() {
    }

    /**
     * Files {@code requestBody} as {@code requester}, has {@code approver} approve it from their inbox, and returns the
     * grant's id once the grant is ACTIVE.
     */
    public static String activeGrant(Api admin, Api requester, Api approver, String requestBody) {
        Api.Response filed = requester.post("/api/access-requests", requestBody);
        assertThat(filed.status()).as("%s", filed).isEqualTo(202);
        String requestId = filed.json().get("id").asText();
        String taskId = awaitTask(approver, requestId);
        assertThat(approver.post("/api/approvals/" + taskId + "/decision", "{\"outcome\":\"APPROVE\"}").status()).isEqualTo(202);
        String grantId = await().atMost(Duration.ofSeconds(20)).until(
                () -> admin.get("/api/access-requests/" + requestId).json().path("grantId").asText(""), id -> !id.isEmpty());
        await().atMost(Duration.ofSeconds(20)).until(() -> "ACTIVE".equals(admin.get("/api/grants/" + grantId).json().path("status").asText()));
        return grantId;
    }

    /** The id of {@code requestId}'s open task in {@code approver}'s inbox, once the inbox shows it. */
    public static String awaitTask(Api approver, String requestId) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> {
            for (JsonNode item : approver.get("/api/approvals/inbox").json()) {
                if (item.get("requestId").asText().equals(requestId)) {
                    return item.get("taskId").asText();
                }
            }
            return null;
        }, id -> id != null);
    }
}
