package io.grantline.api;

import io.grantline.api.campaign.CampaignClosed;
import io.grantline.api.campaign.CampaignEvent;
import io.grantline.api.campaign.CampaignId;
import io.grantline.api.campaign.CampaignLaunched;
import io.grantline.api.campaign.NoDecisionPolicy;
import io.grantline.api.campaign.ReassignmentReason;
import io.grantline.api.campaign.ReviewClosed;
import io.grantline.api.campaign.ReviewConcluded;
import io.grantline.api.campaign.ReviewDecisionRecorded;
import io.grantline.api.campaign.ReviewDelegated;
import io.grantline.api.campaign.ReviewEscalated;
import io.grantline.api.campaign.ReviewEvent;
import io.grantline.api.campaign.ReviewId;
import io.grantline.api.campaign.ReviewItem;
import io.grantline.api.campaign.ReviewItemId;
import io.grantline.api.campaign.ReviewOpened;
import io.grantline.api.campaign.ReviewOutcome;
import io.grantline.api.campaign.ReviewsAssigned;
import io.grantline.api.entitlement.ConnectorKind;
import io.grantline.api.entitlement.EntitlementDefined;
import io.grantline.api.entitlement.EntitlementEvent;
import io.grantline.api.entitlement.EntitlementId;
import io.grantline.api.entitlement.EntitlementOwnerChanged;
import io.grantline.api.entitlement.EntitlementPolicyChanged;
import io.grantline.api.entitlement.EntitlementProvisioningSet;
import io.grantline.api.entitlement.EntitlementRetired;
import io.grantline.api.entitlement.PrivilegeLevel;
import io.grantline.api.entitlement.Provisioning;
import io.grantline.api.entitlement.RiskTier;
import io.grantline.api.grant.AccessGranted;
import io.grantline.api.grant.EndReason;
import io.grantline.api.grant.GrantCertified;
import io.grantline.api.grant.GrantDeprovisioned;
import io.grantline.api.grant.GrantEvent;
import io.grantline.api.grant.GrantExtended;
import io.grantline.api.grant.GrantId;
import io.grantline.api.grant.GrantProvisioned;
import io.grantline.api.grant.GrantProvisioningFailed;
import io.grantline.api.grant.GrantRevoked;
import io.grantline.api.identity.DirectoryEntryAssigned;
import io.grantline.api.identity.IdentityDeparted;
import io.grantline.api.identity.IdentityEvent;
import io.grantline.api.identity.IdentityId;
import io.grantline.api.identity.IdentityKind;
import io.grantline.api.identity.IdentityMarkedCompromised;
import io.grantline.api.identity.IdentityRegistered;
import io.grantline.api.identity.IdentityReinstated;
import io.grantline.api.identity.IdentitySuspended;
import io.grantline.api.identity.ManagerAssigned;
import io.grantline.api.identity.OwnerAssigned;
import io.grantline.api.identity.Role;
import io.grantline.api.identity.RolesAssigned;
import io.grantline.api.identity.SponsorAssigned;
import io.grantline.api.model.DeployedModel;
import io.grantline.api.model.ModelDeploymentEvent;
import io.grantline.api.model.ModelDeploymentId;
import io.grantline.api.model.ModelsDeployed;
import io.grantline.api.request.AccessRequestApproved;
import io.grantline.api.request.AccessRequestCancelled;
import io.grantline.api.request.AccessRequestEvent;
import io.grantline.api.request.AccessRequestId;
import io.grantline.api.request.AccessRequestRejected;
import io.grantline.api.request.AccessRequestTimedOut;
import io.grantline.api.request.AccessRequested;
import io.grantline.api.request.ApprovalDecisionFlagged;
import io.grantline.api.request.ApprovalDecisionRecorded;
import io.grantline.api.request.ApprovalPolicy;
import io.grantline.api.request.ApprovalPolicyApplied;
import io.grantline.api.request.ApprovalStage;
import io.grantline.api.request.ApprovalStageEscalated;
import io.grantline.api.request.ApprovalStageOpened;
import io.grantline.api.request.ApprovalStageReassigned;
import io.grantline.api.request.DecisionAuthentication;
import io.grantline.api.request.DecisionChannel;
import io.grantline.api.request.DecisionFlag;
import io.grantline.api.request.DecisionOutcome;
import io.grantline.api.request.RejectionReason;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** One instance of every stored event type, each with every field filled, for the pinned-JSON tests. */
final class EventSamples {

    /** The sealed event families; every type they permit must have a sample and a pinned file. */
    static final List<Class<?>> FAMILIES = List.of(IdentityEvent.class, EntitlementEvent.class,
            AccessRequestEvent.class, GrantEvent.class, ModelDeploymentEvent.class, CampaignEvent.class,
            ReviewEvent.class);

    private static final IdentityId ALICE = IdentityId.of("alice");
    private static final IdentityId BOB = IdentityId.of("bob");
    private static final IdentityId SVC = IdentityId.of("historian-svc");
    private static final EntitlementId OPERATE = EntitlementId.of("plc-7-operate");
    private static final EntitlementId ENGINEER = EntitlementId.of("plc-7-engineer");
    private static final EntitlementId ADMIN = EntitlementId.of("plc-7-admin");
    private static final IdentityId CAROL = IdentityId.of("carol");
    private static final IdentityId DAVE = IdentityId.of("dave");
    private static final AccessRequestId REQUEST = AccessRequestId.of("6f1c2a9e-3b7d-4e58-9a0c-2d4f6b8e1a37");
    private static final GrantId GRANT = GrantId.of("b2e4d6f8-1a3c-4e5f-8b7d-9c0e2f4a6b81");
    private static final Instant FILED = Instant.parse("2026-03-14T02:00:00Z");
    private static final CampaignId CAMPAIGN = CampaignId.of("2026-q2");
    private static final ReviewId REVIEW = ReviewId.of(CAMPAIGN, 7);
    private static final ReviewItemId ITEM = ReviewItemId.of(REVIEW, 3);
    private static final Instant DUE = Instant.parse("2026-04-15T00:00:00Z");

    static final List<Object> ALL = List.of(
            new IdentityRegistered(ALICE, IdentityKind.HUMAN, "Alice Operator", "alice@plant.example", BOB, null,
                    Set.of(Role.OT_SECURITY, Role.COMPLIANCE_OFFICER)),
            new ManagerAssigned(ALICE, IdentityId.of("carol"), BOB),
            new OwnerAssigned(SVC, ALICE, BOB),
            new RolesAssigned(ALICE, Set.of(Role.SECURITY_OPERATOR), Set.of(Role.OT_SECURITY)),
            new IdentityMarkedCompromised(SVC, "key leaked in a public repository"),
            new IdentitySuspended(SVC, "owner departed"),
            new IdentityReinstated(SVC, "new accountable owner alice"),
            new IdentityDeparted(BOB, "left the company"),
            new SponsorAssigned(ALICE, BOB, DUE),
            new DirectoryEntryAssigned(ALICE, "uid=alice,ou=people,dc=plant,dc=example"),
            new EntitlementDefined(OPERATE, "PLC-7", "Line 3 SCADA", "cell-3", PrivilegeLevel.OPERATE, RiskTier.HIGH, ALICE,
                    Duration.ofHours(8), Set.of(ENGINEER, ADMIN)),
            new EntitlementOwnerChanged(OPERATE, BOB, ALICE),
            new EntitlementPolicyChanged(OPERATE, RiskTier.CRITICAL, Duration.ofDays(2), Set.of(ENGINEER)),
            new EntitlementRetired(OPERATE, "PLC-7 replaced by PLC-9"),
            new EntitlementProvisioningSet(OPERATE, new Provisioning(ConnectorKind.LDAP, "cn=plc-7-operators,ou=groups,dc=plant,dc=example")),
            new AccessRequested(REQUEST, ALICE, SVC, OPERATE, "historian must write setpoints during the line 3 retrofit",
                    "CHG-4711", Duration.ofHours(4), false, RiskTier.CRITICAL),
            new ApprovalPolicyApplied(REQUEST, new ApprovalPolicy(List.of(ApprovalStage.MANAGER, ApprovalStage.RESOURCE_OWNER,
                    ApprovalStage.OT_SECURITY), true, Duration.ofHours(8), new ApprovalPolicy.DecisionTableRef("approval-policy", 3))),
            new ApprovalStageOpened(REQUEST, 1, ApprovalStage.OT_SECURITY, Set.of(DAVE, CAROL), true,
                    FILED.plus(Duration.ofDays(7))),
            new ApprovalDecisionRecorded(REQUEST, 1, ApprovalStage.OT_SECURITY, CAROL, DecisionOutcome.APPROVE,
                    "retrofit window confirmed", DecisionChannel.EMAIL_LINK, "192.0.2.17",
                    new DecisionAuthentication(DecisionAuthentication.Method.SESSION, FILED.plus(Duration.ofMinutes(178))), true,
                    FILED.plus(Duration.ofHours(3))),
            new ApprovalDecisionFlagged(REQUEST, 1, CAROL, DecisionFlag.FAST_APPROVAL, Duration.ofMillis(3250)),
            new ApprovalStageEscalated(REQUEST, 1, Set.of(DAVE, BOB), Set.of(CAROL)),
            new ApprovalStageReassigned(REQUEST, 1, CAROL, Set.of(DAVE, BOB), Set.of(CAROL, DAVE)),
            new AccessRequestApproved(REQUEST, GRANT, SVC, OPERATE, FILED, FILED.plus(Duration.ofHours(4))),
            new AccessRequestRejected(REQUEST, RejectionReason.SOD_CONFLICT,
                    "'historian-svc' holds 'plc-7-engineer', which conflicts with 'plc-7-operate'"),
            new AccessRequestCancelled(REQUEST, ALICE),
            new AccessRequestTimedOut(REQUEST),
            new AccessGranted(GRANT, REQUEST, SVC, OPERATE, FILED, FILED.plus(Duration.ofHours(4))),
            new GrantProvisioned(GRANT, "opcua-line-3"),
            new GrantProvisioningFailed(GRANT, "PLC-7 did not answer after 3 attempts"),
            new GrantExtended(GRANT, AccessRequestId.of("0b3e7c51-9d2a-4f86-b1c4-7e5a2d9f6c08"), SVC, OPERATE,
                    FILED.plus(Duration.ofHours(4)), FILED.plus(Duration.ofHours(6))),
            new GrantRevoked(GRANT, SVC, OPERATE, EndReason.COMPROMISED, "key leaked in a public repository",
                    FILED.plus(Duration.ofHours(1))),
            new GrantDeprovisioned(GRANT, "opcua-line-3"),
            new ModelsDeployed(ModelDeploymentId.of("8c1f3e2a-5b6d-11f0-9a7e-0242ac120002"), "approval policy, stricter HIGH",
                    "cockpit", "admin", List.of(new DeployedModel(DeployedModel.Kind.DECISION_REQUIREMENTS, "approval-policy", 4,
                    "approval-policy.dmn"), new DeployedModel(DeployedModel.Kind.DECISION, "approval-stages", 4,
                    "approval-policy.dmn"))),
            new GrantCertified(GRANT, CAMPAIGN, ALICE, FILED.plus(Duration.ofDays(20))),
            new CampaignLaunched(CAMPAIGN, RiskTier.HIGH, Set.of(OPERATE, ADMIN), DUE, NoDecisionPolicy.REVOKE, Instant.parse("2026-04-01T00:00:00Z")),
            new ReviewsAssigned(CAMPAIGN, 2000, 100000, 12),
            new ReviewConcluded(CAMPAIGN, REVIEW, 40, 7, 3),
            new CampaignClosed(CAMPAIGN, 100000, 91000, 5000, 3988, 12, DUE),
            new ReviewOpened(CAMPAIGN, REVIEW, ALICE, DUE, NoDecisionPolicy.KEEP,
                    List.of(new ReviewItem(ITEM, GRANT, SVC, OPERATE, RiskTier.HIGH))),
            new ReviewDecisionRecorded(CAMPAIGN, REVIEW, ITEM, GRANT, ALICE, ReviewOutcome.REVOKE, "historian retired",
                    DecisionChannel.WEB, "192.0.2.17", true, FILED.plus(Duration.ofDays(19)), null),
            new ReviewEscalated(CAMPAIGN, REVIEW, ALICE, BOB, ReassignmentReason.UNANSWERED),
            new ReviewDelegated(CAMPAIGN, REVIEW, BOB, CAROL, BOB, "on leave until May"),
            new ReviewClosed(CAMPAIGN, REVIEW, 40, 7, NoDecisionPolicy.REVOKE, List.of(GRANT), DUE));

    private EventSamples() {
    }
}
