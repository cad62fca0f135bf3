package io.grantline.infra.links;

import io.grantline.api.identity.IdentityId;
import io.grantline.api.request.AccessRequestId;
import io.grantline.infra.config.GrantlineProperties;
import io.grantline.workflow.mail.ApprovalLinks;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Signs and checks approval links. A link carries {@code requestId|stageIndex|approverId|expiresAt} and an
 * HMAC-SHA256 over it; nothing else is needed to check it, and nothing in it is secret. Spending is the aggregate's
 * business: a stage takes one decision, so a link is spent by the decision it records.
 */
@Component
public class ApprovalLinkSigner implements ApprovalLinks {

    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODE = Base64.getUrlDecoder();

    private final SecretKeySpec key;
    private final URI publicUrl;
    private final Clock clock;

    ApprovalLinkSigner(LinkSecret secret, GrantlineProperties properties, Clock clock) {
        this.key = new SecretKeySpec(secret.key(), "HmacSHA256");
        this.publicUrl = properties.publicUrl();
        this.clock = clock;
    }

    @Override
    public URI linkFor(AccessRequestId requestId, int stageIndex, IdentityId approverId, Instant expiresAt) {
        return URI.create(stripSlash(publicUrl.toString()) + "/approvals/" + token(new ApprovalLink(requestId, stageIndex, approverId, expiresAt)));
    }

    public String token(ApprovalLink link) {
        String payload = link.requestId().value() + "|" + link.stageIndex() + "|" + link.approverId().value() + "|"
                + link.expiresAt().getEpochSecond();
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        return ENCODE.encodeToString(bytes) + "." + ENCODE.encodeToString(mac(bytes));
    }

    /** The link a token stands for, or {@link LinkRefused} when it is forged, altered or expired. */
    public ApprovalLink verify(String token) {
        int dot = token == null ? -1 : token.indexOf('.');
        if (dot <= 0 || token.length() > 1024) {
            throw new LinkRefused(LinkRefused.Why.FORGED);
        }
        byte[] payload;
        byte[] signature;
        try {
            payload = DECODE.decode(token.substring(0, dot));
            signature = DECODE.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException notBase64) {
            throw new LinkRefused(LinkRefused.Why.FORGED);
        }
        if (!MessageDigest.isEqual(mac(payload), signature)) {
            throw new LinkRefused(LinkRefused.Why.FORGED);
        }
        String[] parts = new String(payload, StandardCharsets.UTF_8).split("\\|");
        if (parts.length != 4) {
            throw new LinkRefused(LinkRefused.Why.FORGED);
        }
        ApprovalLink link = new ApprovalLink(AccessRequestId.of(parts[0]), Integer.parseInt(parts[1]), IdentityId.of(parts[2]),
                Instant.ofEpochSecond(Long.parseLong(parts[3])));
        if (!clock.instant().isBefore(link.expiresAt())) {
            throw new LinkRefused(LinkRefused.Why.EXPIRED);
        }
        return link;
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
