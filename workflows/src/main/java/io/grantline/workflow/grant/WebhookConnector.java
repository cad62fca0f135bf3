package io.grantline.workflow.grant;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.grantline.api.entitlement.ConnectorKind;
import io.grantline.api.grant.GrantSummary;
import io.grantline.api.grant.ProvisioningTarget;
import io.grantline.workflow.settings.ConnectorSettings;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Posts each provisioning and deprovisioning to a site's own system as JSON, signed with HMAC-SHA256
 * ({@code X-Grantline-Signature: sha256=<hex of the body's MAC>}), so the receiver knows it came from Grantline. An
 * answer other than 2xx, or none within 10 s, fails the step (retried, then an incident); the receiver must accept the
 * same delivery twice ({@code deliveryId} is the same for both) and may refuse one whose signed {@code sentAt} is old.
 * Messages name the receiver's host only: a URL may carry a token.
 */
@Component
class WebhookConnector implements TargetConnector {

    static final String SIGNATURE_HEADER = "X-Grantline-Signature";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ConnectorSettings.Webhook settings;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    WebhookConnector(ConnectorSettings settings) {
        this.settings = settings.webhook();
    }

    @Override
    public ConnectorKind kind() {
        return ConnectorKind.WEBHOOK;
    }

    @Override
    public boolean available() {
        return settings.configured();
    }

    @Override
    public void provision(GrantSummary grant, ProvisioningTarget target) {
        post("provision", grant, target);
    }

    @Override
    public void deprovision(GrantSummary grant, ProvisioningTarget target) {
        post("deprovision", grant, target);
    }

    private void post(String action, GrantSummary grant, ProvisioningTarget target) {
        if (!settings.configured()) {
            throw new IllegalStateException("no webhook is configured (grantline.connectors.webhook.url and .secret)");
        }
        ObjectNode body = JSON.createObjectNode();
        // the same delivery sent again keeps its id; a provisioning sent again for an extension's new end is a new one
        body.put("deliveryId", action + "/" + grant.id().value() + ("provision".equals(action) ? "/" + grant.validUntil() : ""));
        body.put("action", action);
        body.put("grantId", grant.id().value());
        body.put("identityId", grant.identityId().value());
        body.put("directoryDn", target.directoryDn());
        body.put("entitlementId", grant.entitlementId().value());
        body.put("resource", grant.resource());
        body.put("group", target.group());
        body.put("validFrom", grant.validFrom().toString());
        body.put("validUntil", grant.validUntil().toString());
        // signed with the rest: a receiver may refuse a delivery replayed long after it was sent
        body.put("sentAt", Instant.now().toString());
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(settings.url()).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").header(SIGNATURE_HEADER, "sha256=" + sign(bytes, settings.secret()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
        HttpResponse<Void> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new IllegalStateException("webhook at " + settings.url().getHost() + " could not be reached: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while posting to the webhook", e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("webhook at " + settings.url().getHost() + " answered " + response.statusCode() + " to " + action
                    + " of grant " + grant.id().value());
        }
    }

    static String sign(byte[] body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
