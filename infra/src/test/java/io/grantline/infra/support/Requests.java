package io.grantline.infra.support;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;

/** Access requests as an administrator reads them, and waiting for one to reach a status. */
public final class Requests {

    private final Api admin;

    public Requests(Api admin) {
        this.admin = admin;
    }

    public JsonNode get(String id) {
        return admin.get("/api/access-requests/" + id).json();
    }

    public JsonNode awaitStatus(String id, String status) {
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            Api.Response response = admin.get("/api/access-requests/" + id);
            return response.status() == 200 && status.equals(response.json().get("status").asText());
        });
        return get(id);
    }
}
