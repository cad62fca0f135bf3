package io.grantline.infra.links;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grantline.api.identity.IdentityId;
import io.grantline.api.request.AccessRequestId;
import io.grantline.infra.config.GrantlineProperties;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Approval links are capabilities: only Grantline can make one, nobody can alter one, and none outlives its stage. */
class ApprovalLinkSignerTest {

    private static final Instant NOW = Instant.parse("2026-11-26T08:00:00Z");
    private static final ApprovalLink LINK = new ApprovalLink(AccessRequestId.of("3f1c2a9e-1111-4c1e-9d55-0a1b2c3d4e5f"), 1,
            IdentityId.of("olga"), NOW.plusSeconds(3600));

    @TempDir
    Path dataDir;

    @Test
    void aLinkGrantlineSignedReadsBackAsTheSameStageAndApprover() {
        ApprovalLinkSigner signer = signer("a-secret-of-at-least-thirty-two-bytes!!", NOW);

        assertThat(signer.verify(signer.token(LINK))).isEqualTo(LINK);
        assertThat(signer.linkFor(LINK.requestId(), 1, LINK.approverId(), LINK.expiresAt()).toString())
                .startsWith("https://grantline.plant.example/approvals/");
    }

    @Test
    void aLinkForAnotherApproverOrStageCannotBeMadeFromAnExistingOne() {
        ApprovalLinkSigner signer = signer("a-secret-of-at-least-thirty-two-bytes!!", NOW);
        String token = signer.token(LINK);
        String signature = token.substring(token.indexOf('.'));
        String otherApprover = Base64.getUrlEncoder().withoutPadding().encodeToString(
                (LINK.requestId().value() + "|1|mallory|" + LINK.expiresAt().getEpochSecond()).getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> signer.verify(otherApprover + signature))
                .isInstanceOfSatisfying(LinkRefused.class, refused -> assertThat(refused.why()).isEqualTo(LinkRefused.Why.FORGED));
    }

    @Test
    void aLinkSignedWithAnotherKeyIsForged() {
        String foreign = signer("someone-elses-secret-of-thirty-two-bytes", NOW).token(LINK);

        assertThatThrownBy(() -> signer("a-secret-of-at-least-thirty-two-bytes!!", NOW).verify(foreign))
                .isInstanceOfSatisfying(LinkRefused.class, refused -> assertThat(refused.why()).isEqualTo(LinkRefused.Why.FORGED));
    }

    @Test
    void garbageIsForgedNotAnError() {
        ApprovalLinkSigner signer = signer("a-secret-of-at-least-thirty-two-bytes!!", NOW);
        for (String garbage : new String[] {"", "abc", ".", "a.b", "%%%.%%%", "x".repeat(5000) + ".y", null}) {
            assertThatThrownBy(() -> signer.verify(garbage)).isInstanceOf(LinkRefused.class);
        }
    }

    @Test
    void aLinkExpiresWithItsStage() {
        String token = signer("a-secret-of-at-least-thirty-two-bytes!!", NOW).token(LINK);

        assertThatThrownBy(() -> signer("a-secret-of-at-least-thirty-two-bytes!!", LINK.expiresAt()).verify(token))
                .isInstanceOfSatisfying(LinkRefused.class, refused -> assertThat(refused.why()).isEqualTo(LinkRefused.Why.EXPIRED));
    }

    @Test
    void withoutAConfiguredSecretOneIsGeneratedAndKeptAcrossRestarts() {
        String token = signer("", NOW).token(LINK);

        assertThat(signer("", NOW).verify(token)).isEqualTo(LINK);
        assertThat(dataDir.resolve("link-secret")).exists();
    }

    @Test
    void aShortSecretIsRefusedAtStart() {
        assertThatThrownBy(() -> signer("too-short", NOW)).isInstanceOf(IllegalStateException.class);
    }

    private ApprovalLinkSigner signer(String secret, Instant now) {
        GrantlineProperties properties = new GrantlineProperties(URI.create("https://grantline.plant.example/"), dataDir,
                new GrantlineProperties.Embedded(true, 0));
        return new ApprovalLinkSigner(new LinkSecret(secret, properties), properties, Clock.fixed(now, ZoneOffset.UTC));
    }
}
