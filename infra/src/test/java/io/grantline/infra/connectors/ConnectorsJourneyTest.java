package io.grantline.infra.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import io.grantline.infra.GrantlineApplication;
import io.grantline.infra.support.Api;
import io.grantline.infra.support.Approvals;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The built-in connectors against a real LDAP directory (in memory) and a real HTTP receiver: a grant of an LDAP-bound
 * entitlement makes its holder a member of the group and its end removes them; a webhook-bound one is posted, signed;
 * a reconciliation finds a member nobody granted and a holder who is not a member.
 */
@Tag("own-application")
class ConnectorsJourneyTest {

    private static final String PASSWORD = "connectors-admin-pw";
    private static final String PERSON_PASSWORD = "connectors-person-pw";
    private static final String SECRET = "webhook-shared-secret-123";
    private static final String GROUP = "cn=plc-7-operators,ou=groups,dc=plant,dc=example";
    private static final String OLE = "uid=ole,ou=people,dc=plant,dc=example";
    private static final String ROGUE = "uid=rogue,ou=people,dc=plant,dc=example";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void grantsBecomeGroupMembershipsAndWebhookCallsAndAReconciliationFindsWhatDrifted(@TempDir Path dataDir) throws Exception {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig("dc=plant,dc=example");
        config.addAdditionalBindCredentials("cn=grantline,dc=plant,dc=example", "directory-pw");
        config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", 0));
        config.setSchema(null); // the test directory checks no schema: groups hold any DN as member
        InMemoryDirectoryServer directory = new InMemoryDirectoryServer(config);
        directory.add(new Entry("dc=plant,dc=example", new Attribute("objectClass", "top", "domain"), new Attribute("dc", "plant")));
        directory.add(new Entry("ou=groups,dc=plant,dc=example", new Attribute("objectClass", "top", "organizationalUnit")));
        directory.add(new Entry(GROUP, new Attribute("objectClass", "top", "groupOfNames"),
                new Attribute("member", ROGUE)));
        directory.startListening();

        List<String[]> deliveries = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/grants", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            deliveries.add(new String[] {new String(body, StandardCharsets.UTF_8), exchange.getRequestHeaders().getFirst("X-Grantline-Signature")});
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();

        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(GrantlineApplication.class).run(
                "--server.port=0",
                "--grantline.data-dir=" + dataDir.toAbsolutePath(),
                "--grantline.security.admin-password=" + PASSWORD,
                "--grantline.security.bcrypt-strength=4",
                "--camunda.bpm.process-engine-name=connectors",
                "--grantline.connectors.ldap.url=ldap://127.0.0.1:" + directory.getListenPort(),
                "--grantline.connectors.ldap.bind-dn=cn=grantline,dc=plant,dc=example",
                "--grantline.connectors.ldap.password=directory-pw",
                "--grantline.connectors.ldap.search-base=ou=groups,dc=plant,dc=example",
                "--grantline.connectors.webhook.url=http://127.0.0.1:" + receiver.getAddress().getPort() + "/grants",
                "--grantline.connectors.webhook.secret=" + SECRET)) {
            Api admin = new Api(Integer.parseInt(app.getEnvironment().getProperty("local.server.port"))).as("admin", PASSWORD);
            person(admin, "mia", null, null);
            person(admin, "ole", "mia", OLE);
            person(admin, "pia", "mia", null);
            entitlement(admin, "plc-7-operate", "{\"connector\":\"ldap\",\"group\":\"" + GROUP + "\"}");
            entitlement(admin, "historian-read", "{\"connector\":\"webhook\",\"group\":\"historian-readers\"}");
            assertThat(admin.get("/api/entitlements/plc-7-operate").json().get("provisioning").get("connector").asText()).isEqualTo("ldap");

            String first = grant(admin, "ole", "plc-7-operate");
            assertThat(members(directory)).as("the holder joins the group").contains(OLE);
            assertThat(admin.post("/api/grants/" + first + "/revoke", "{\"reason\":\"shift ended\"}").status()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(20)).until(() -> !members(directory).contains(OLE));
            assertThat(members(directory)).as("the end takes the membership away, and only it").contains(ROGUE);

            // two entitlements name one group (spelled differently): ending one grant keeps the membership the other needs
            entitlement(admin, "plc-7-observe", "{\"connector\":\"ldap\",\"group\":\"CN=PLC-7-Operators, OU=groups,DC=plant,DC=example\"}");
            String second = grant(admin, "ole", "plc-7-operate");
            String third = grant(admin, "ole", "plc-7-observe");
            assertThat(members(directory)).contains(OLE);
            assertThat(admin.post("/api/grants/" + second + "/revoke", "{\"reason\":\"shift ended\"}").status()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(20)).until(() -> deprovisioned(admin, second));
            assertThat(members(directory)).as("still needed by the other grant").contains(OLE);

            // a group outside the search base is never named; a directory entry can be given later
            assertThat(admin.post("/api/entitlements", "{\"id\":\"domain-admins\",\"resource\":\"AD\",\"system\":\"AD\","
                    + "\"zone\":\"it\",\"level\":\"ADMIN\",\"risk\":\"LOW\",\"ownerId\":\"mia\",\"maxDuration\":\"PT8H\","
                    + "\"sodConflicts\":[],\"provisioning\":{\"connector\":\"ldap\",\"group\":\"cn=Domain Admins,dc=plant,dc=example\"}}")
                    .json().get("field").asText()).isEqualTo("provisioning.group");
            assertThat(admin.put("/api/identities/pia/directory-entry", "{\"directoryDn\":\"uid=pia,ou=people,dc=plant,dc=example\"}")
                    .status()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(10)).until(() -> "uid=pia,ou=people,dc=plant,dc=example".equals(
                    admin.get("/api/identities/pia").json().path("directoryDn").asText()));

            String piaGrant = grant(admin, "pia", "historian-read");
            JsonNode provisioned = delivery(deliveries, piaGrant, "provision");
            assertThat(provisioned.get("group").asText()).isEqualTo("historian-readers");
            assertThat(provisioned.get("identityId").asText()).isEqualTo("pia");

            // an approved extension tells the target the new end at once: it is provisioned again, with the new validUntil
            Api mia = admin.as("mia", PERSON_PASSWORD);
            Api.Response extension = admin.as("pia", PERSON_PASSWORD).post("/api/access-requests", "{\"entitlementId\":\"historian-read\","
                    + "\"justification\":\"night shift\",\"duration\":\"PT8H\",\"extendsGrantId\":\"" + piaGrant + "\"}");
            assertThat(extension.status()).as("%s", extension).isEqualTo(202);
            String task = Approvals.awaitTask(mia, extension.json().get("id").asText());
            assertThat(mia.post("/api/approvals/" + task + "/decision", "{\"outcome\":\"APPROVE\"}").status()).isEqualTo(202);
            List<String[]> provisions = await().atMost(Duration.ofSeconds(20)).until(() -> deliveries(deliveries, piaGrant, "provision"),
                    list -> list.size() == 2);
            JsonNode newEnd = JSON.readTree(provisions.get(1)[0]);
            assertThat(provisions.get(1)[1]).as("signed with the shared secret").isEqualTo("sha256=" + hmac(provisions.get(1)[0]));
            assertThat(Instant.parse(newEnd.get("validUntil").asText())).isAfter(Instant.parse(provisioned.get("validUntil").asText()));
            assertThat(newEnd.get("deliveryId").asText()).as("a delivery of its own, not a repeat of the first")
                    .isNotEqualTo(provisioned.get("deliveryId").asText());
            await().atMost(Duration.ofSeconds(20)).until(() -> admin.get("/api/grants/" + piaGrant).json().get("validUntil").asText(),
                    validUntil -> Instant.parse(validUntil).equals(Instant.parse(newEnd.get("validUntil").asText())));

            // drift: someone removes ole by hand; a rogue member was there from the start
            directory.modify(GROUP, new Modification(ModificationType.DELETE, "member", OLE));
            assertThat(admin.post("/api/reconciliation", "{}").status()).isEqualTo(202);
            JsonNode findings = await().atMost(Duration.ofSeconds(20)).until(() -> admin.get("/api/reconciliation/findings").json(),
                    json -> json.size() == 2);
            assertThat(findings.findValuesAsText("kind")).containsExactlyInAnyOrder("MISSING_MEMBER", "UNGRANTED_MEMBER");
            for (JsonNode finding : findings) {
                assertThat(finding.get("connector").asText()).isEqualTo("ldap");
                assertThat(finding.get("target").asText()).isEqualTo(GROUP);
                if (finding.get("kind").asText().equals("MISSING_MEMBER")) {
                    assertThat(finding.get("identity").asText()).isEqualTo("ole");
                } else {
                    assertThat(finding.get("memberDn").asText()).isEqualTo(ROGUE);
                    assertThat(finding.path("identity").isMissingNode() || finding.get("identity").isNull()).as("nobody's entry").isTrue();
                }
            }
            assertThat(admin.as("pia", PERSON_PASSWORD).post("/api/reconciliation", "{}").status()).as("not for everyone").isEqualTo(403);

            // ending a grant whose member is gone already changes nothing in the directory, and the webhook is told of ends
            assertThat(admin.post("/api/grants/" + third + "/revoke", "{\"reason\":\"left the line\"}").status()).isEqualTo(202);
            assertThat(admin.post("/api/grants/" + piaGrant + "/revoke", "{\"reason\":\"left the line\"}").status()).isEqualTo(202);
            assertThat(delivery(deliveries, piaGrant, "deprovision").get("action").asText()).isEqualTo("deprovision");
            await().atMost(Duration.ofSeconds(20)).until(() -> deprovisioned(admin, third));
        } finally {
            receiver.stop(0);
            directory.shutDown(true);
        }
    }

    private static void person(Api admin, String id, String manager, String dn) {
        String body = "{\"id\":\"" + id + "\",\"kind\":\"HUMAN\",\"displayName\":\"" + id + "\",\"email\":\"" + id + "@plant.example\""
                + (manager == null ? "" : ",\"managerId\":\"" + manager + "\"") + (dn == null ? "" : ",\"directoryDn\":\"" + dn + "\"") + "}";
        assertThat(admin.post("/api/identities", body).status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(10)).until(() -> admin.get("/api/identities/" + id).status() == 200);
        assertThat(admin.put("/api/identities/" + id + "/local-credential", "{\"password\":\"" + PERSON_PASSWORD + "\"}").status())
                .isEqualTo(204);
    }

    private static void entitlement(Api admin, String id, String provisioning) {
        assertThat(admin.post("/api/entitlements", "{\"id\":\"" + id + "\",\"resource\":\"" + id + "\",\"system\":\"Line 3\","
                + "\"zone\":\"cell-3\",\"level\":\"OPERATE\",\"risk\":\"LOW\",\"ownerId\":\"mia\",\"maxDuration\":\"PT8H\","
                + "\"sodConflicts\":[],\"provisioning\":" + provisioning + "}").status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(10)).until(() -> admin.get("/api/entitlements/" + id).status() == 200);
    }

    /** Files a request as {@code who}, has their manager mia approve it, and waits for the grant to be provisioned. */
    private static String grant(Api admin, String who, String entitlement) {
        return Approvals.activeGrant(admin, admin.as(who, PERSON_PASSWORD), admin.as("mia", PERSON_PASSWORD), "{\"entitlementId\":\""
                + entitlement + "\",\"justification\":\"shift\",\"duration\":\"PT4H\"}");
    }

    /** The webhook's delivery of {@code action} for the grant, once it came, checked against the shared secret. */
    private static JsonNode delivery(List<String[]> deliveries, String grantId, String action) throws Exception {
        String[] delivery = await().atMost(Duration.ofSeconds(20)).until(() -> deliveries.stream()
                .filter(d -> d[0].contains(grantId) && d[0].contains("\"action\":\"" + action + "\"")).findFirst().orElse(null),
                d -> d != null);
        assertThat(delivery[1]).as("signed with the shared secret").isEqualTo("sha256=" + hmac(delivery[0]));
        return JSON.readTree(delivery[0]);
    }

    /** Every delivery of {@code action} for the grant so far, in the order they came: body and signature. */
    private static List<String[]> deliveries(List<String[]> deliveries, String grantId, String action) {
        return deliveries.stream().filter(d -> d[0].contains(grantId) && d[0].contains("\"action\":\"" + action + "\"")).toList();
    }

    private static boolean deprovisioned(Api admin, String grantId) {
        JsonNode events = admin.get("/api/compliance/grants/" + grantId + "/history").json().get("events");
        for (JsonNode event : events) {
            if (event.get("type").asText().equals("GrantDeprovisioned")) {
                return true;
            }
        }
        return false;
    }

    private static List<String> members(InMemoryDirectoryServer directory) throws Exception {
        String[] values = directory.getEntry(GROUP).getAttributeValues("member");
        return values == null ? List.of() : List.of(values);
    }

    private static String hmac(String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }
}
