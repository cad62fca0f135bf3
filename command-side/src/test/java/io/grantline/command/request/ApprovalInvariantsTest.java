package io.grantline.command.request;

import static org.assertj.core.api.Assertions.assertThat;

import io.grantline.api.common.RuleViolation;
import io.grantline.api.entitlement.DefineEntitlement;
import io.grantline.api.entitlement.EntitlementDefined;
import io.grantline.api.entitlement.EntitlementId;
import io.grantline.api.entitlement.EntitlementPolicyChanged;
import io.grantline.api.entitlement.PrivilegeLevel;
import io.grantline.api.entitlement.RiskTier;
import io.grantline.api.grant.AccessGranted;
import io.grantline.api.grant.EndReason;
import io.grantline.api.grant.GrantAccess;
import io.grantline.api.grant.GrantId;
import io.grantline.api.grant.GrantRevoked;
import io.grantline.api.grant.RevokeGrant;
import io.grantline.api.identity.IdentityDeparted;
import io.grantline.api.identity.IdentityId;
import io.grantline.api.identity.IdentityKind;
import io.grantline.api.identity.IdentityMarkedCompromised;
import io.grantline.api.identity.IdentityReinstated;
import io.grantline.api.identity.IdentityRegistered;
import io.grantline.api.identity.IdentitySuspended;
import io.grantline.api.identity.MarkIdentityCompromised;
import io.grantline.api.identity.RecordDeparture;
import io.grantline.api.identity.RegisterIdentity;
import io.grantline.api.identity.ReinstateIdentity;
import io.grantline.api.identity.Role;
import io.grantline.api.identity.SuspendIdentity;
import io.grantline.api.request.AccessRequestApproved;
import io.grantline.api.request.AccessRequestId;
import io.grantline.api.request.AccessRequestRejected;
import io.grantline.api.request.AccessRequested;
import io.grantline.api.request.ApprovalDecisionRecorded;
import io.grantline.api.request.ApprovalPolicyApplied;
import io.grantline.api.request.ApprovalResult;
import io.grantline.api.request.ApprovalStageOpened;
import io.grantline.api.request.ApproveAccessRequest;
import io.grantline.api.request.DecisionAuthentication;
import io.grantline.api.request.DecisionChannel;
import io.grantline.api.request.DecisionOutcome;
import io.grantline.api.request.EscalateApprovalStage;
import io.grantline.api.request.FileAccessRequest;
import io.grantline.api.request.OpenApprovalStage;
import io.grantline.api.request.ReassignApprovalStage;
import io.grantline.api.request.RecordApprovalDecision;
import io.grantline.api.request.RejectApprovedRequest;
import io.grantline.api.request.RejectionReason;
import io.grantline.command.entitlement.Entitlement;
import io.grantline.command.entitlement.EntitlementCatalog;
import io.grantline.command.entitlement.EventSourcedEntitlementCatalog;
import io.grantline.command.grant.Grant;
import io.grantline.command.grant.HeldEntitlements;
import io.grantline.command.identity.EventSourcedIdentityDirectory;
import io.grantline.command.identity.Identity;
import io.grantline.command.identity.IdentityDirectory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.modelling.command.AggregateAnnotationCommandHandler;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.MultiParameterResolverFactory;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.messaging.annotation.SimpleResourceParameterResolverFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * DESIGN.md's invariants under random interleavings: a seeded generator files requests, opens and decides stages
 * (rightly and wrongly, with and without a fresh sign-in), escalates, compromises, suspends, reinstates and lets
 * people depart, revokes grants and approves requests, through the real aggregates on a real command bus and event
 * store. After every step every invariant is checked against the whole event history. A failing seed is printed and
 * replays exactly.
 */
class ApprovalInvariantsTest {

    private static final int STEPS = 600;
    private static final java.util.concurrent.atomic.AtomicInteger SEEDS_THAT_APPROVED = new java.util.concurrent.atomic.AtomicInteger();
    private static final Duration MAX_AGE = Duration.ofMinutes(5);
    private static final List<String> PEOPLE = List.of("ana", "ben", "cai", "dia", "eve", "fay", "gus", "hal");
    private static final List<String> ENTITLEMENTS = List.of("low-a", "medium-b", "high-c", "critical-d", "high-e");

    private final MovableClock clock = new MovableClock(Instant.parse("2026-03-14T02:00:00Z"));
    private final InMemoryEventStorageEngine storage = new InMemoryEventStorageEngine();
    private final EmbeddedEventStore events = EmbeddedEventStore.builder().storageEngine(storage).build();
    private final Map<IdentityId, Set<EntitlementId>> held = new HashMap<>();
    private final Map<GrantId, AccessGranted> activeGrants = new HashMap<>();
    private final Set<IdentityId> otSecurity = new TreeSet<>();
    private final List<AccessRequestId> requests = new ArrayList<>();
    /** Who may decide each opened stage, as the events say: the process's view, which the generator mostly follows. */
    private final Map<AccessRequestId, Map<Integer, Set<IdentityId>>> openStages = new HashMap<>();
    private CommandGateway commands;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 5, 8, 13, 21, 34, 55, 89})
    void everyInvariantHoldsAfterEveryStep(long seed) {
        Random random = new Random(seed);
        start();
        registerTheSite();
        for (int step = 0; step < STEPS; step++) {
            String action = act(random);
            clock.advance(Duration.ofMinutes(random.nextInt(4)));
            new Invariants(history()).check("seed " + seed + ", step " + step + " (" + action + ")");
        }
        if (history().stream().anyMatch(AccessRequestApproved.class::isInstance)) {
            SEEDS_THAT_APPROVED.incrementAndGet();
        }
    }

    /** The generator must reach the end of the road, not only refusals: most runs approve and grant something. */
    @AfterAll
    static void mostRunsGrantedSomething() {
        assertThat(SEEDS_THAT_APPROVED.get()).as("seeds whose run approved a request").isGreaterThanOrEqualTo(7);
    }

    private String act(Random random) {
        int dice = random.nextInt(100);
        if (dice < 18 || requests.isEmpty()) {
            return tryTo(() -> commands.sendAndWait(new FileAccessRequest(nextRequest(), person(random), null,
                    EntitlementId.of(pick(random, ENTITLEMENTS)), "maintenance window", null, null, false)), "file");
        }
        AccessRequestId request = pick(random, requests);
        Map<Integer, Set<IdentityId>> stages = openStages.getOrDefault(request, Map.of());
        if (dice < 40) {
            // mostly the next stage, as the process would; sometimes any stage, as a hostile caller might
            int index = random.nextInt(5) == 0 ? random.nextInt(4) : stages.size();
            return tryTo(() -> commands.sendAndWait(new OpenApprovalStage(request, index, clock.instant().plus(Duration.ofDays(7)))),
                    "open stage " + index + " of " + request.value());
        }
        if (dice < 68) {
            DecisionAuthentication authentication = switch (random.nextInt(3)) {
                case 0 -> DecisionAuthentication.linkOnly();
                case 1 -> DecisionAuthentication.passwordAt(clock.instant());
                default -> new DecisionAuthentication(DecisionAuthentication.Method.SESSION, clock.instant().minus(Duration.ofMinutes(10)));
            };
            DecisionOutcome outcome = random.nextInt(8) == 0 ? DecisionOutcome.REJECT : DecisionOutcome.APPROVE;
            // mostly an approver of the latest open stage; sometimes anyone, on any stage
            int index = stages.isEmpty() || random.nextInt(4) == 0 ? random.nextInt(3) : stages.size() - 1;
            List<IdentityId> approvers = List.copyOf(new TreeSet<>(stages.getOrDefault(index, Set.of())));
            IdentityId who = approvers.isEmpty() || random.nextInt(4) == 0 ? person(random) : pick(random, approvers);
            return tryTo(() -> commands.sendAndWait(new RecordApprovalDecision(request, index, who, outcome,
                    null, DecisionChannel.EMAIL_LINK, "192.0.2.1", authentication)), "decide " + request.value());
        }
        if (dice < 76) {
            return tryTo(() -> approveAndGrant(request), "approve " + request.value());
        }
        if (dice < 80) {
            return tryTo(() -> commands.sendAndWait(new EscalateApprovalStage(request, random.nextInt(3))), "escalate");
        }
        if (dice < 88) {
            IdentityId person = person(random);
            // people are mostly reinstated: a site where everyone has left tests nothing
            return switch (random.nextInt(16)) {
                case 0, 1 -> tryTo(() -> commands.sendAndWait(new MarkIdentityCompromised(person, "phished")), "compromise " + person.value());
                case 2, 3 -> tryTo(() -> commands.sendAndWait(new SuspendIdentity(person, "on leave")), "suspend " + person.value());
                case 4 -> tryTo(() -> commands.sendAndWait(new RecordDeparture(person, "left")), "depart " + person.value());
                default -> tryTo(() -> commands.sendAndWait(new ReinstateIdentity(person, "back")), "reinstate " + person.value());
            };
        }
        if (!activeGrants.isEmpty() && dice < 94) {
            GrantId grant = pick(random, new ArrayList<>(new TreeSet<>(activeGrants.keySet())));
            return tryTo(() -> commands.sendAndWait(new RevokeGrant(grant, EndReason.REVOKED, "no longer needed")), "revoke");
        }
        String entitlement = pick(random, ENTITLEMENTS);
        return tryTo(() -> commands.sendAndWait(new io.grantline.api.entitlement.ChangeEntitlementPolicy(EntitlementId.of(entitlement),
                RiskTier.values()[random.nextInt(4)], Duration.ofHours(1 + random.nextInt(48)),
                Set.of(EntitlementId.of(pick(random, ENTITLEMENTS))))), "change the policy of " + entitlement);
    }

    /** As the process's grantAccess step does: approve, start the grant, and reject the request if the grant is refused. */
    private void approveAndGrant(AccessRequestId request) {
        GrantId grant = GrantId.of("grant-of-" + request.value());
        ApprovalResult result = commands.sendAndWait(new ApproveAccessRequest(request, grant));
        if (!result.approved()) {
            return;
        }
        AccessRequestApproved approval = result.approval();
        if (events.lastSequenceNumberFor(grant.toString()).isPresent()) {
            // the approval was answered again (a retried step); the JDBC store refuses a second first event of a
            // stream, which the in-memory one does not check
            return;
        }
        try {
            commands.sendAndWait(new GrantAccess(grant, request, approval.beneficiaryId(), approval.entitlementId(),
                    approval.validFrom(), approval.validUntil()));
        } catch (RuleViolation refused) {
            commands.sendAndWait(new RejectApprovedRequest(request, RejectionReason.SOD_CONFLICT, refused.getMessage()));
        }
    }

    /** As the process bridge does: an identity that stops being active loses its grants and its open stages. */
    private void reactTo(EventMessage<?> event) {
        Object payload = event.getPayload();
        if (payload instanceof IdentityMarkedCompromised compromised) {
            revokeAndMove(compromised.identityId(), EndReason.COMPROMISED);
        } else if (payload instanceof IdentityDeparted departed) {
            revokeAndMove(departed.identityId(), EndReason.DEPARTED);
        } else if (payload instanceof IdentitySuspended suspended) {
            revokeAndMove(suspended.identityId(), null);
        }
    }

    private void revokeAndMove(IdentityId identity, EndReason reason) {
        if (reason != null) {
            activeGrants.values().stream().filter(grant -> grant.identityId().equals(identity)).map(AccessGranted::grantId).toList()
                    .forEach(grant -> commands.sendAndWait(new RevokeGrant(grant, reason, "identity no longer active")));
        }
        for (AccessRequestId request : List.copyOf(requests)) {
            for (int stage = 0; stage < 3; stage++) {
                int index = stage;
                tryTo(() -> commands.sendAndWait(new ReassignApprovalStage(request, index, identity)), "reassign");
            }
        }
    }

    private void registerTheSite() {
        person("hal", null, Role.OT_SECURITY);
        person("gus", "hal", Role.OT_SECURITY);
        person("ana", "gus");
        person("ben", "hal");
        person("cai", "ben");
        person("dia", "ben");
        person("eve", "ben", Role.OT_SECURITY);
        person("fay", "cai");
        define("low-a", RiskTier.LOW, "ana");
        define("critical-d", RiskTier.CRITICAL, "dia");
        define("high-e", RiskTier.HIGH, "eve");
        define("medium-b", RiskTier.MEDIUM, "ben", "critical-d");
        define("high-c", RiskTier.HIGH, "cai", "high-e");
    }

    private void person(String id, String manager, Role... roles) {
        commands.sendAndWait(new RegisterIdentity(IdentityId.of(id), IdentityKind.HUMAN, id, null,
                manager == null ? null : IdentityId.of(manager), null, Set.of(roles)));
    }

    @AfterEach
    void systemClockAgain() {
        GenericEventMessage.clock = Clock.systemUTC();
    }

    private void define(String id, RiskTier risk, String owner, String... conflicts) {
        commands.sendAndWait(new DefineEntitlement(EntitlementId.of(id), id.toUpperCase(), "SCADA", "cell-1", PrivilegeLevel.OPERATE,
                risk, IdentityId.of(owner), Duration.ofHours(24), Set.of(conflicts).stream().map(EntitlementId::of)
                        .collect(java.util.stream.Collectors.toSet())));
    }

    private void start() {
        GenericEventMessage.clock = clock;
        SimpleCommandBus bus = SimpleCommandBus.builder().build();
        commands = DefaultCommandGateway.builder().commandBus(bus).build();
        // the directories read the repositories they are resources of: they find them once both exist
        AtomicReference<EventSourcingRepository<Identity>> identities = new AtomicReference<>();
        AtomicReference<EventSourcingRepository<Entitlement>> entitlements = new AtomicReference<>();
        List<Object> resources = List.of((IdentityDirectory) id -> new EventSourcedIdentityDirectory(identities.get()).find(id),
                (EntitlementCatalog) id -> new EventSourcedEntitlementCatalog(entitlements.get()).find(id),
                new HeldEntitlements() {
                    @Override
                    public Set<EntitlementId> activeEntitlementsOf(IdentityId holder) {
                        return Set.copyOf(held.getOrDefault(holder, Set.of()));
                    }

                    @Override
                    public boolean holdsThrough(IdentityId holder, EntitlementId entitlement, GrantId grant) {
                        return false; // these invariants file no extensions
                    }
                },
                (RoleHolders) role -> Set.copyOf(otSecurity), new RequestPolicy(Duration.ofMinutes(15), MAX_AGE),
                new KnownPolicies(), (BreakGlassUses) (beneficiary, since) -> 0, clock);
        ParameterResolverFactory parameters = MultiParameterResolverFactory.ordered(new SimpleResourceParameterResolverFactory(resources),
                ClasspathParameterResolverFactory.forClass(AccessRequest.class));
        identities.set(repository(Identity.class, parameters));
        entitlements.set(repository(Entitlement.class, parameters));
        subscribe(bus, Identity.class, identities.get(), parameters);
        subscribe(bus, Entitlement.class, entitlements.get(), parameters);
        subscribe(bus, AccessRequest.class, repository(AccessRequest.class, parameters), parameters);
        subscribe(bus, Grant.class, repository(Grant.class, parameters), parameters);
        events.subscribe(batch -> batch.forEach(this::track));
    }

    /** The indexes the real application keeps in the event store's transaction, and the bridge's reactions. */
    private void track(EventMessage<?> event) {
        Object payload = event.getPayload();
        if (payload instanceof AccessGranted granted) {
            activeGrants.put(granted.grantId(), granted);
            held.computeIfAbsent(granted.identityId(), any -> new HashSet<>()).add(granted.entitlementId());
        } else if (payload instanceof GrantRevoked revoked && activeGrants.remove(revoked.grantId()) != null) {
            held.getOrDefault(revoked.identityId(), new HashSet<>()).remove(revoked.entitlementId());
        } else if (payload instanceof ApprovalStageOpened opened) {
            openStages.computeIfAbsent(opened.requestId(), any -> new HashMap<>()).put(opened.stageIndex(), opened.approverIds());
        } else if (payload instanceof io.grantline.api.request.ApprovalStageEscalated escalated) {
            openStages.get(escalated.requestId()).put(escalated.stageIndex(), escalated.approverIds());
        } else if (payload instanceof io.grantline.api.request.ApprovalStageReassigned reassigned) {
            openStages.get(reassigned.requestId()).put(reassigned.stageIndex(), reassigned.approverIds());
        } else if (payload instanceof IdentityRegistered registered && registered.roles().contains(Role.OT_SECURITY)) {
            otSecurity.add(registered.identityId());
        }
        if (payload instanceof IdentityMarkedCompromised || payload instanceof IdentityDeparted || payload instanceof IdentitySuspended) {
            otSecurity.remove(identityOf(payload));
            pending.add(event);
        } else if (payload instanceof IdentityReinstated reinstated && Set.of("gus", "hal", "eve").contains(reinstated.identityId().value())) {
            otSecurity.add(reinstated.identityId());
        }
    }

    private final List<EventMessage<?>> pending = new ArrayList<>();

    private <T> EventSourcingRepository<T> repository(Class<T> type, ParameterResolverFactory parameters) {
        return EventSourcingRepository.builder(type).eventStore(events).parameterResolverFactory(parameters).build();
    }

    private <T> void subscribe(SimpleCommandBus bus, Class<T> type, EventSourcingRepository<T> repository,
                               ParameterResolverFactory parameters) {
        AggregateAnnotationCommandHandler.<T>builder().aggregateType(type).repository(repository)
                .parameterResolverFactory(parameters).build().subscribe(bus);
    }

    private String tryTo(Runnable command, String what) {
        try {
            command.run();
        } catch (AggregateNotFoundException unknownRequest) {
            return what + " (no such request)";
        } catch (RuleViolation | CommandExecutionException refused) {
            if (refused instanceof CommandExecutionException && !(refused.getCause() instanceof RuleViolation)) {
                throw refused;
            }
            return what + " (refused)";
        } finally {
            while (!pending.isEmpty()) {
                reactTo(pending.remove(0));
            }
        }
        return what;
    }

    private List<Object> history() {
        List<Object> payloads = new ArrayList<>();
        storage.readEvents(null, false).forEach(message -> payloads.add(message.getPayload()));
        return payloads;
    }

    private AccessRequestId nextRequest() {
        AccessRequestId id = AccessRequestId.of("r-" + (requests.size() + 1));
        requests.add(id);
        return id;
    }

    private static IdentityId person(Random random) {
        return IdentityId.of(pick(random, PEOPLE));
    }

    private static IdentityId identityOf(Object payload) {
        if (payload instanceof IdentityMarkedCompromised e) {
            return e.identityId();
        }
        if (payload instanceof IdentityDeparted e) {
            return e.identityId();
        }
        return ((IdentitySuspended) payload).identityId();
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** The invariants of DESIGN.md ("Domain"), read off the whole history in order. */
    private static final class Invariants {

        private final List<Object> history;

        Invariants(List<Object> history) {
            this.history = history;
        }

        void check(String where) {
            Map<IdentityId, Boolean> active = new HashMap<>();
            Map<EntitlementId, Set<EntitlementId>> conflicts = new HashMap<>();
            Map<EntitlementId, Duration> maxDuration = new HashMap<>();
            Map<AccessRequestId, AccessRequested> filed = new HashMap<>();
            Map<AccessRequestId, List<io.grantline.api.request.ApprovalStage>> policies = new HashMap<>();
            Map<AccessRequestId, Map<Integer, IdentityId>> deciders = new HashMap<>();
            Map<AccessRequestId, Map<Integer, io.grantline.api.request.ApprovalStage>> opened = new HashMap<>();
            Map<AccessRequestId, Boolean> reauthentication = new HashMap<>();
            Map<AccessRequestId, String> status = new HashMap<>();
            Set<GrantId> grantsStarted = new HashSet<>();
            Map<GrantId, AccessGranted> grantsActive = new HashMap<>();
            Object previous = null;
            for (Object event : history) {
                if (event instanceof IdentityRegistered e) {
                    active.put(e.identityId(), true);
                } else if (event instanceof IdentityMarkedCompromised e) {
                    active.put(e.identityId(), false);
                } else if (event instanceof IdentitySuspended e) {
                    active.put(e.identityId(), false);
                } else if (event instanceof IdentityDeparted e) {
                    active.put(e.identityId(), false);
                } else if (event instanceof IdentityReinstated e) {
                    active.put(e.identityId(), true);
                } else if (event instanceof EntitlementDefined e) {
                    conflicts.put(e.entitlementId(), e.sodConflicts());
                    maxDuration.put(e.entitlementId(), e.maxDuration());
                } else if (event instanceof EntitlementPolicyChanged e) {
                    conflicts.put(e.entitlementId(), e.sodConflicts());
                    maxDuration.put(e.entitlementId(), e.maxDuration());
                } else if (event instanceof AccessRequested e) {
                    filed.put(e.requestId(), e);
                    status.put(e.requestId(), "PENDING");
                } else if (event instanceof ApprovalPolicyApplied e) {
                    assertThat(previous).as("%s: the policy is applied once, right when %s is filed", where, e.requestId())
                            .isInstanceOf(AccessRequested.class);
                    assertThat(policies.put(e.requestId(), e.policy().stages())).as("%s: one policy per request", where).isNull();
                    reauthentication.put(e.requestId(), e.policy().reauthentication());
                } else if (event instanceof ApprovalStageOpened e) {
                    List<io.grantline.api.request.ApprovalStage> policy = policies.get(e.requestId());
                    assertThat(e.stageIndex()).as("%s: only the policy's stages open", where).isLessThan(policy.size());
                    assertThat(e.stage()).as("%s: the policy names each stage", where).isEqualTo(policy.get(e.stageIndex()));
                    assertThat(e.reauthenticationRequired()).isEqualTo(reauthentication.get(e.requestId()));
                    opened.computeIfAbsent(e.requestId(), any -> new HashMap<>()).put(e.stageIndex(), e.stage());
                    AccessRequested request = filed.get(e.requestId());
                    assertThat(e.approverIds()).as("%s: no stage goes to its requester or beneficiary", where)
                            .doesNotContain(request.requesterId(), request.beneficiaryId());
                    assertThat(e.approverIds()).as("%s: nor to anyone who decided an earlier stage", where)
                            .noneMatch(deciders.getOrDefault(e.requestId(), Map.of()).values()::contains);
                } else if (event instanceof ApprovalDecisionRecorded e) {
                    AccessRequested request = filed.get(e.requestId());
                    assertThat(e.approverId()).as("%s: nobody decides a request they filed or that benefits them", where)
                            .isNotEqualTo(request.requesterId()).isNotEqualTo(request.beneficiaryId());
                    assertThat(active.get(e.approverId())).as("%s: only an active approver decides", where).isTrue();
                    Map<Integer, IdentityId> decided = deciders.computeIfAbsent(e.requestId(), any -> new HashMap<>());
                    assertThat(decided).as("%s: one decision per stage", where).doesNotContainKey(e.stageIndex());
                    assertThat(decided).as("%s: four eyes: one person decides at most one stage", where)
                            .doesNotContainValue(e.approverId());
                    decided.put(e.stageIndex(), e.approverId());
                    if (reauthentication.get(e.requestId())) {
                        assertThat(e.reauthenticated()).as("%s: a critical decision needs fresh re-authentication", where).isTrue();
                        assertThat(e.authentication().method()).isIn(EnumSet.of(DecisionAuthentication.Method.PASSWORD_ON_POST,
                                DecisionAuthentication.Method.SESSION, DecisionAuthentication.Method.OIDC));
                    }
                } else if (event instanceof AccessRequestApproved e) {
                    assertThat(deciders.getOrDefault(e.requestId(), Map.of())).as("%s: every stage of the policy approved", where)
                            .hasSize(policies.get(e.requestId()).size());
                    status.put(e.requestId(), "APPROVED " + e.grantId().value());
                } else if (event instanceof AccessRequestRejected e) {
                    status.put(e.requestId(), "REJECTED");
                } else if (event instanceof AccessGranted e) {
                    assertThat(Duration.between(e.validFrom(), e.validUntil())).as("%s: a grant never outlives its maximum", where)
                            .isLessThanOrEqualTo(maxDuration.get(e.entitlementId()));
                    assertThat(active.get(e.identityId())).as("%s: only an active identity is granted access", where).isTrue();
                    for (AccessGranted other : grantsActive.values()) {
                        if (other.identityId().equals(e.identityId())) {
                            boolean conflict = conflicts.getOrDefault(e.entitlementId(), Set.of()).contains(other.entitlementId())
                                    || conflicts.getOrDefault(other.entitlementId(), Set.of()).contains(e.entitlementId());
                            assertThat(conflict).as("%s: conflicting entitlements are not held at once", where).isFalse();
                        }
                    }
                    grantsStarted.add(e.grantId());
                    grantsActive.put(e.grantId(), e);
                } else if (event instanceof GrantRevoked e) {
                    grantsActive.remove(e.grantId());
                }
                previous = event;
            }
            for (AccessGranted grant : grantsActive.values()) {
                assertThat(active.get(grant.identityId()) || isOnlySuspended(grant.identityId()))
                        .as("%s: a compromised or departed identity holds no active grant (%s): %s", where, grant.identityId().value(),
                                history.stream().filter(e -> e.toString().contains("=" + grant.identityId().value() + "]")
                                        || e.toString().contains(grant.grantId().value())).toList())
                        .isTrue();
            }
            status.forEach((request, state) -> {
                if (state.startsWith("APPROVED ")) {
                    assertThat(grantsStarted).as("%s: %s never rests APPROVED without a grant", where, request.value())
                            .contains(GrantId.of(state.substring("APPROVED ".length())));
                }
            });
        }

        /** Suspension stops decisions and sign-in; it does not end grants (a reinstated identity works again). */
        private boolean isOnlySuspended(IdentityId identity) {
            Object last = null;
            for (Object event : history) {
                if ((event instanceof IdentityMarkedCompromised e && e.identityId().equals(identity))
                        || (event instanceof IdentityDeparted d && d.identityId().equals(identity))
                        || (event instanceof IdentitySuspended s && s.identityId().equals(identity))
                        || (event instanceof IdentityReinstated r && r.identityId().equals(identity))) {
                    last = event;
                }
            }
            return last instanceof IdentitySuspended;
        }
    }
}
