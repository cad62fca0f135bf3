package io.grantline.infra.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Builds a plant's catalog through the API, the way an administrator's script would. Ids are unique per call. */
public final class Catalog {

    private final Api admin;
    private final String suffix = UUID.randomUUID().toString().substring(0, 8);

    public Catalog(Api admin) {
        this.admin = admin;
    }

    /** A unique id for this test run's catalog entries. */
    public String id(String name) {
        return name + "-" + suffix;
    }

    public String person(String name, String managerId) {
        String id = id(name);
        String manager = managerId == null ? "" : ",\"managerId\":\"" + managerId + "\"";
        accepted(admin.post("/api/identities", "{\"id\":\"" + id + "\",\"kind\":\"HUMAN\",\"displayName\":\"" + name
                + "\",\"email\":\"" + id + "@plant.example\"" + manager + "}"));
        awaitVisible("/api/identities/" + id);
        return id;
    }

    /** An external person (a contractor) {@code sponsorId} vouches for until {@code endsAt}; {@code name} is shown. */
    public String external(String name, String sponsorId, Instant endsAt) {
        String id = id(name.split(" ")[0].toLowerCase());
        accepted(admin.post("/api/identities", "{\"id\":\"" + id + "\",\"kind\":\"HUMAN\",\"displayName\":\"" + name
                + "\",\"email\":\"" + id + "@contractor.example\",\"external\":true,\"sponsorId\":\"" + sponsorId
                + "\",\"endsAt\":\"" + endsAt + "\"}"));
        awaitVisible("/api/identities/" + id);
        return id;
    }

    public String signIn(String identityId, String password) {
        assertThat(admin.put("/api/identities/" + identityId + "/local-credential", "{\"password\":\"" + password + "\"}").status())
                .isEqualTo(204);
        return identityId;
    }

    public String entitlement(String name, String risk, String ownerId, String maxDuration) {
        String id = id(name);
        accepted(admin.post("/api/entitlements", "{\"id\":\"" + id + "\",\"resource\":\"" + name + "\",\"system\":\"Line 3 SCADA\","
                + "\"zone\":\"cell-3\",\"level\":\"OPERATE\",\"risk\":\"" + risk + "\",\"ownerId\":\"" + ownerId
                + "\",\"maxDuration\":\"" + maxDuration + "\",\"sodConflicts\":[]}"));
        awaitVisible("/api/entitlements/" + id);
        return id;
    }

    public void awaitVisible(String path) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(admin.get(path).status()).isEqualTo(200));
    }

    private static void accepted(Api.Response response) {
        assertThat(response.status()).as("%s", response).isEqualTo(202);
    }
}
