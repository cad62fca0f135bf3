package io.grantline.infra.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.grantline.infra.support.Api;
import io.grantline.infra.support.Catalog;
import io.grantline.infra.support.GrantlineIntegrationTest;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Everything a client can send wrong to the catalog is a 4xx problem+json naming the field at fault, and stores
 * nothing. {@code {person}} and {@code {machine}} in a case stand for identities that exist.
 */
class CatalogBadInputTest extends GrantlineIntegrationTest {

    private static String person;
    private static String machine;

    @BeforeEach
    void existingCatalog() {
        if (person == null) {
            Catalog catalog = new Catalog(admin());
            person = catalog.person("existing", null);
            machine = catalog.id("machine");
            assertThat(admin().post("/api/identities", """
                    {"id":"%s","kind":"MACHINE","displayName":"PLC","ownerId":"%s"}""".formatted(machine, person)).status())
                    .isEqualTo(202);
            catalog.awaitVisible("/api/identities/" + machine);
        }
    }

    static Stream<Arguments> badInput() {
        String identities = "/api/identities";
        String entitlements = "/api/entitlements";
        String entitlement = "\"resource\":\"PLC-7\",\"system\":\"SCADA\",\"zone\":\"cell-3\",\"level\":\"READ\",\"risk\":\"LOW\","
                + "\"ownerId\":\"{person}\",\"maxDuration\":\"PT8H\"";
        return Stream.of(
                bad("operator injection in an id", "POST", identities, "{\"id\":{\"$ne\":1},\"kind\":\"HUMAN\",\"displayName\":\"x\"}", 400, "id"),
                bad("a $-operator as an id", "POST", identities, "{\"id\":\"$ne\",\"kind\":\"HUMAN\",\"displayName\":\"x\"}", 400, "id"),
                bad("an id with spaces", "POST", identities, "{\"id\":\"a b\",\"kind\":\"HUMAN\",\"displayName\":\"x\"}", 400, "id"),
                bad("an id of 200 characters", "POST", identities, "{\"id\":\"" + "a".repeat(200) + "\",\"kind\":\"HUMAN\",\"displayName\":\"x\"}", 400, "id"),
                bad("a missing id", "POST", identities, "{\"kind\":\"HUMAN\",\"displayName\":\"x\"}", 400, "id"),
                bad("a missing kind", "POST", identities, "{\"id\":\"bi-1\",\"displayName\":\"x\"}", 400, "kind"),
                bad("an unknown kind", "POST", identities, "{\"id\":\"bi-2\",\"kind\":\"ROBOT\",\"displayName\":\"x\"}", 400, "kind"),
                bad("a kind as a number", "POST", identities, "{\"id\":\"bi-3\",\"kind\":1,\"displayName\":\"x\"}", 400, "kind"),
                bad("a missing display name", "POST", identities, "{\"id\":\"bi-4\",\"kind\":\"HUMAN\"}", 400, "displayName"),
                bad("a blank display name", "POST", identities, "{\"id\":\"bi-5\",\"kind\":\"HUMAN\",\"displayName\":\"   \"}", 400, "displayName"),
                bad("a display name as a number", "POST", identities, "{\"id\":\"bi-6\",\"kind\":\"HUMAN\",\"displayName\":5}", 400, "displayName"),
                bad("a malformed email", "POST", identities, "{\"id\":\"bi-7\",\"kind\":\"HUMAN\",\"displayName\":\"x\",\"email\":\"not-an-address\"}", 400, "email"),
                bad("an unknown field", "POST", identities, "{\"id\":\"bi-8\",\"kind\":\"HUMAN\",\"displayName\":\"x\",\"isAdmin\":true}", 400, "isAdmin"),
                bad("roles that are not a list", "POST", identities, "{\"id\":\"bi-9\",\"kind\":\"HUMAN\",\"displayName\":\"x\",\"roles\":\"ADMINISTRATOR\"}", 400, "roles"),
                bad("an unknown role", "POST", identities, "{\"id\":\"bi-10\",\"kind\":\"HUMAN\",\"displayName\":\"x\",\"roles\":[\"ROOT\"]}", 400, "roles[0]"),
                bad("a body that is a list", "POST", identities, "[1]", 400, ""),
                bad("a body that is a string", "POST", identities, "\"x\"", 400, ""),
                bad("malformed JSON", "POST", identities, "{\"id\":", 400, ""),
                bad("an empty body", "POST", identities, "", 400, ""),
                bad("two JSON documents", "POST", identities, "{\"id\":\"bi-11\",\"kind\":\"HUMAN\",\"displayName\":\"x\"} {}", 400, ""),
                bad("a non-human identity without owner", "POST", identities, "{\"id\":\"bi-12\",\"kind\":\"AI_AGENT\",\"displayName\":\"x\"}", 400, "ownerId"),
                bad("an unknown manager", "POST", identities, "{\"id\":\"bi-13\",\"kind\":\"HUMAN\",\"displayName\":\"x\",\"managerId\":\"nobody\"}", 400, "managerId"),
                bad("a machine as owner", "POST", identities, "{\"id\":\"bi-14\",\"kind\":\"API_CREDENTIAL\",\"displayName\":\"x\",\"ownerId\":\"{machine}\"}", 400, "ownerId"),
                bad("an id that is taken", "POST", identities, "{\"id\":\"{person}\",\"kind\":\"HUMAN\",\"displayName\":\"x\"}", 409, "id"),
                bad("not JSON at all", "POST", identities, "id=x", 415, null),
                bad("a duration in words", "POST", entitlements, "{\"id\":\"be-1\"," + entitlement.replace("PT8H", "eight hours") + "}", 400, "maxDuration"),
                bad("a negative duration", "POST", entitlements, "{\"id\":\"be-2\"," + entitlement.replace("PT8H", "-PT1H") + "}", 400, "maxDuration"),
                bad("a duration over a year", "POST", entitlements, "{\"id\":\"be-3\"," + entitlement.replace("PT8H", "P400D") + "}", 400, "maxDuration"),
                bad("an unknown privilege level", "POST", entitlements, "{\"id\":\"be-4\"," + entitlement.replace("READ", "GOD") + "}", 400, "level"),
                bad("an unknown entitlement owner", "POST", entitlements, "{\"id\":\"be-5\"," + entitlement.replace("{person}", "nobody") + "}", 400, "ownerId"),
                bad("a machine as entitlement owner", "POST", entitlements, "{\"id\":\"be-6\"," + entitlement.replace("{person}", "{machine}") + "}", 400, "ownerId"),
                bad("an unknown conflicting entitlement", "POST", entitlements, "{\"id\":\"be-7\"," + entitlement + ",\"sodConflicts\":[\"nope\"]}", 400, "sodConflicts"),
                bad("a missing risk tier", "POST", entitlements, "{\"id\":\"be-8\"," + entitlement.replace("\"risk\":\"LOW\",", "") + "}", 400, "risk"),
                bad("a connector not configured here", "POST", entitlements, "{\"id\":\"be-10\"," + entitlement
                        + ",\"provisioning\":{\"connector\":\"ldap\",\"group\":\"cn=ops,dc=plant,dc=example\"}}", 400, "provisioning.connector"),
                bad("an unknown connector", "POST", entitlements, "{\"id\":\"be-11\"," + entitlement
                        + ",\"provisioning\":{\"connector\":\"ftp\"}}", 400, "provisioning.connector"),
                bad("a directory entry that is no DN", "POST", identities,
                        "{\"id\":\"bi-15\",\"kind\":\"HUMAN\",\"displayName\":\"x\",\"directoryDn\":\"x\"}", 400, "directoryDn"),
                bad("an injected zone operator", "POST", entitlements, "{\"id\":\"be-9\"," + entitlement.replace("\"cell-3\"", "{\"$gt\":\"\"}") + "}", 400, "zone"),
                bad("roles of an unknown identity", "PUT", identities + "/nobody/roles", "{\"roles\":[]}", 404, null),
                bad("roles that are not a list (update)", "PUT", identities + "/{person}/roles", "{\"roles\":\"x\"}", 400, "roles"),
                bad("an operator as a path id", "GET", identities + "/$ne", null, 400, null),
                bad("a compromise without reason", "POST", identities + "/{person}/compromised", "{}", 400, "reason"),
                bad("a password that is too short", "PUT", identities + "/{person}/local-credential", "{\"password\":\"short\"}", 400, "password"),
                bad("a password for a machine", "PUT", identities + "/{machine}/local-credential", "{\"password\":\"long-enough-password\"}", 409, null),
                bad("an owner for a person", "POST", identities + "/{person}/owner", "{\"ownerId\":\"{person}\"}", 400, "ownerId"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInput")
    void isAProblemAndStoresNothing(String what, String method, String path, String body, int status, String field) {
        // the catalog's own streams: other tests' processes may append to requests and grants meanwhile
        long since = eventStore.head();

        Api.Response response = admin().send(method, resolve(path), status == 415 ? "text/plain" : "application/json", resolve(body));

        assertThat(response.status()).as("%s → %s", what, response).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("type").asText()).startsWith("urn:grantline:problem:").as("stable type");
        assertThat(response.json().get("status").asInt()).isEqualTo(status);
        assertThat(response.json().get("detail").asText()).isNotBlank().doesNotContain("Exception").doesNotContain("at io.");
        if (field != null) {
            assertThat(response.json().path("field").asText()).as("field of %s", response).isEqualTo(field);
        }
        assertThat(eventStore.countSince(since, "identity:", "entitlement:")).as("catalog events stored").isZero();
    }

    private static String resolve(String text) {
        return text == null ? null : text.replace("{person}", person).replace("{machine}", machine);
    }

    private static Arguments bad(String what, String method, String path, String body, int status, String field) {
        return Arguments.of(what, method, path, body, status, field);
    }
}
