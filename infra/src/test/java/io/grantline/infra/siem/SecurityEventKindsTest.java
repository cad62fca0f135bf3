package io.grantline.infra.siem;

import static org.assertj.core.api.Assertions.assertThat;

import io.grantline.api.entitlement.EntitlementId;
import io.grantline.api.entitlement.RiskTier;
import io.grantline.api.grant.AccessGranted;
import io.grantline.api.grant.EndReason;
import io.grantline.api.grant.GrantId;
import io.grantline.api.grant.GrantRevoked;
import io.grantline.api.identity.IdentityId;
import io.grantline.api.request.AccessRequestId;
import io.grantline.api.request.AccessRequested;
import io.grantline.api.request.ApprovalDecisionFlagged;
import io.grantline.api.request.DecisionFlag;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Which facts reach the SIEM, and how severe they are: break-glass stands out from ordinary requests and grant ends. */
class SecurityEventKindsTest {

    private static final IdentityId ERIK = IdentityId.of("erik");
    private static final EntitlementId PLC = EntitlementId.of("plc-3-engineer");

    @Test
    void breakGlassIsStreamedAsHighSeverityAndAnOrdinaryRequestIsNot() {
        assertThat(SecurityEventStream.kindOf(requested(true))).isEqualTo(SecurityEventStream.BREAK_GLASS_USED);
        assertThat(SecurityEventStream.BREAK_GLASS_USED.severity()).isGreaterThan(SecurityEventStream.STREAMED.get("GrantRevoked").severity());
        assertThat(SecurityEventStream.kindOf(requested(false))).isNull();
    }

    @Test
    void aBreakGlassGrantRejectedInReviewStandsOutFromOtherGrantEnds() {
        assertThat(SecurityEventStream.kindOf(revoked(EndReason.BREAK_GLASS_REJECTED))).isEqualTo(SecurityEventStream.BREAK_GLASS_REJECTED);
        assertThat(SecurityEventStream.kindOf(revoked(EndReason.EXPIRED)).name()).isEqualTo("Grant ended");
    }

    @Test
    void aRejectionInReviewIsStreamedEvenWhenTheGrantHadEndedAlreadyAndAFastApprovalLessSeverely() {
        assertThat(SecurityEventStream.kindOf(new ApprovalDecisionFlagged(AccessRequestId.of("r-1"), 0, ERIK,
                DecisionFlag.BREAK_GLASS_REJECTED, Duration.ofHours(9))).severity()).isEqualTo(8);
        assertThat(SecurityEventStream.kindOf(new ApprovalDecisionFlagged(AccessRequestId.of("r-1"), 0, ERIK,
                DecisionFlag.FAST_APPROVAL, Duration.ofSeconds(2))).severity()).isEqualTo(6);
    }

    @Test
    void aGrantUnderASeparationOfDutiesExceptionStandsOutFromOrdinaryGrants() {
        Instant from = Instant.parse("2026-12-02T02:00:00Z");
        AccessGranted excepted = new AccessGranted(GrantId.of("g-1"), AccessRequestId.of("r-1"), ERIK, PLC, from, from.plusSeconds(3600),
                EntitlementId.of("plc-3-approve"));
        AccessGranted ordinary = new AccessGranted(GrantId.of("g-2"), AccessRequestId.of("r-2"), ERIK, PLC, from, from.plusSeconds(3600));
        assertThat(SecurityEventStream.kindOf(excepted)).isEqualTo(SecurityEventStream.GRANTED_BY_SOD_EXCEPTION);
        assertThat(SecurityEventStream.kindOf(excepted).severity()).isGreaterThan(SecurityEventStream.kindOf(ordinary).severity());
    }

    private static AccessRequested requested(boolean emergency) {
        return new AccessRequested(AccessRequestId.of("r-1"), ERIK, ERIK, PLC, "line 3 is down", null, Duration.ofHours(4), emergency,
                RiskTier.CRITICAL);
    }

    private static GrantRevoked revoked(EndReason reason) {
        return new GrantRevoked(GrantId.of("g-1"), ERIK, PLC, reason, null, Instant.parse("2026-12-02T02:00:00Z"));
    }
}
