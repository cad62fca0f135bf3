package io.grantline.infra.links;

import io.grantline.api.campaign.ReviewId;
import io.grantline.api.identity.IdentityId;
import io.grantline.infra.config.GrantlineProperties;
import io.grantline.workflow.campaign.ReviewLinks;
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
 * Signs and checks the links of review digests: {@code reviewId|reviewerId|expiresAt} and an HMAC-SHA256 over it, with
 * a key derived from the link secret for review links only, so an approval token is never a review token or the
 * reverse. A link shows the review and decides LOW and MEDIUM items; HIGH and CRITICAL ones need the reviewer signed in.
 */
@Component
public class ReviewLinkSigner implements ReviewLinks {

    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODE = Base64.getUrlDecoder();

    private final SecretKeySpec key;
    private final URI publicUrl;
    private final Clock clock;

    ReviewLinkSigner(LinkSecret secret, GrantlineProperties properties, Clock clock) {
        this.key = new SecretKeySpec(hmac(new SecretKeySpec(secret.key(), "HmacSHA256"),
                "grantline review links".getBytes(StandardCharsets.UTF_8)), "HmacSHA256");
        this.publicUrl = properties.publicUrl();
        this.clock = clock;
    }

    @Override
    public URI linkFor(ReviewId reviewId, IdentityId reviewerId, Instant expiresAt) {
        String base = publicUrl.toString().endsWith("/") ? publicUrl.toString().substring(0, publicUrl.toString().length() - 1)
                : publicUrl.toString();
        return URI.create(base + "/reviews/link/" + token(new ReviewLink(reviewId, reviewerId, expiresAt)));
    }

    public String token(ReviewLink link) {
        byte[] payload = (link.reviewId().value() + "|" + link.reviewerId().value() + "|" + link.expiresAt().getEpochSecond())
                .getBytes(StandardCharsets.UTF_8);
        return ENCODE.encodeToString(payload) + "." + ENCODE.encodeToString(hmac(key, payload));
    }

    /** The link a token stands for, or {@link LinkRefused} when it is forged, altered or expired. */
    public ReviewLink verify(String token) {
        int dot = token == null ? -1 : token.indexOf('.');
        if (dot <= 0 || token.length() > 1024) {
            throw new LinkRefused(LinkRefused.Why.FORGED);
        }
        try {
            byte[] payload = DECODE.decode(token.substring(0, dot));
            if (!MessageDigest.isEqual(hmac(key, payload), DECODE.decode(token.substring(dot + 1)))) {
                throw new LinkRefused(LinkRefused.Why.FORGED);
            }
            String[] parts = new String(payload, StandardCharsets.UTF_8).split("\\|");
            if (parts.length != 3) {
                throw new LinkRefused(LinkRefused.Why.FORGED);
            }
            ReviewLink link = new ReviewLink(ReviewId.of(parts[0]), IdentityId.of(parts[1]), Instant.ofEpochSecond(Long.parseLong(parts[2])));
            if (!clock.instant().isBefore(link.expiresAt())) {
                throw new LinkRefused(LinkRefused.Why.EXPIRED);
            }
            return link;
        } catch (IllegalArgumentException malformed) {
            // not base64, or a signed payload that is not ours: either way not a link we issued
            throw new LinkRefused(LinkRefused.Why.FORGED);
        }
    }

    private static byte[] hmac(SecretKeySpec key, byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
