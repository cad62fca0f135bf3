package io.grantline.infra.siem;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** One security event, one syslog line, whatever its fields hold: a hostile comment cannot forge fields or lines. */
class SecurityEventFormatTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant AT = Instant.parse("2026-12-02T01:02:03.456Z");

    @Test
    void aCompromiseIsACriticalCefLineNamingWhoDidItToWhomFromWhere() throws Exception {
        SecurityEvent compromise = new SecurityEvent("e-1", AT, "IdentityMarkedCompromised", "Identity marked compromised", 9, "sven",
                "API", "10.0.0.7", JSON.readTree("{\"identityId\":\"olga\",\"reason\":\"phished\"}"));

        String line = new SecurityEventFormat(SiemSettings.Format.CEF, "scada-gw", "0.1.0").line(compromise);

        assertThat(line).isEqualTo("<82>1 2026-12-02T01:02:03.456Z scada-gw grantline - IdentityMarkedCompromised - "
                + "CEF:0|Grantline|Grantline|0.1.0|IdentityMarkedCompromised|Identity marked compromised|9|rt=1796173323456 "
                + "externalId=e-1 suser=sven src=10.0.0.7 cs1Label=channel cs1=API duser=olga reason=phished");
    }

    @Test
    void aHostileCommentStaysInsideItsOwnFieldOnOneLine() throws Exception {
        JsonNode payload = JSON.readTree("{\"grantId\":\"g-1\",\"comment\":\"ok suser=root\\nCEF:0|forged|x=y \\\\ done\"}");
        SecurityEvent revoked = new SecurityEvent("e-2", AT, "GrantRevoked", "Grant | ended", 5, null, null, null, payload);

        String cef = new SecurityEventFormat(SiemSettings.Format.CEF, "h", "v").cef(revoked);

        assertThat(cef).doesNotContain("\n").contains("|Grant \\| ended|5|")
                .contains("msg=ok suser\\=root\\nCEF:0|forged|x\\=y \\\\ done")
                .contains("cs3Label=grantId cs3=g-1");
        assertThat(cef.indexOf(" suser=")).as("no actor: no suser field, and the comment forged none").isEqualTo(-1);
    }

    @Test
    void jsonIsOneObjectPerLineWithTheEventsOwnFields() throws Exception {
        SecurityEvent granted = new SecurityEvent("e-3", AT, "AccessGranted", "Access granted", 4, "olga", "EMAIL_LINK", null,
                JSON.readTree("{\"grantId\":\"g-9\",\"identityId\":\"alice\",\"entitlementId\":\"plc-7\"}"));

        String line = new SecurityEventFormat(SiemSettings.Format.JSON, "h", "v").line(granted);

        assertThat(line).startsWith("<85>1 2026-12-02T01:02:03.456Z h grantline - AccessGranted - {").doesNotContain("\n");
        JsonNode json = JSON.readTree(line.substring(line.indexOf('{')));
        assertThat(json.get("type").asText()).isEqualTo("AccessGranted");
        assertThat(json.get("severity").asInt()).isEqualTo(4);
        assertThat(json.get("actorId").asText()).isEqualTo("olga");
        assertThat(json.get("payload").get("entitlementId").asText()).isEqualTo("plc-7");
    }
}
