package io.grantline.command.entitlement;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.grantline.api.entitlement.ChangeEntitlementOwner;
import io.grantline.api.entitlement.ChangeEntitlementPolicy;
import io.grantline.api.entitlement.ConnectorKind;
import io.grantline.api.entitlement.DefineEntitlement;
import io.grantline.api.entitlement.EntitlementDefined;
import io.grantline.api.entitlement.EntitlementId;
import io.grantline.api.entitlement.EntitlementOwnerChanged;
import io.grantline.api.entitlement.EntitlementPolicyChanged;
import io.grantline.api.entitlement.EntitlementProvisioningSet;
import io.grantline.api.entitlement.EntitlementRetired;
import io.grantline.api.entitlement.PrivilegeLevel;
import io.grantline.api.entitlement.Provisioning;
import io.grantline.api.entitlement.RetireEntitlement;
import io.grantline.api.entitlement.RiskTier;
import io.grantline.api.identity.IdentityId;
import io.grantline.command.common.Text;
import io.grantline.command.entitlement.EntitlementRuleViolation.EntitlementAlreadyDefined;
import io.grantline.command.entitlement.EntitlementRuleViolation.EntitlementRetiredAlready;
import io.grantline.command.entitlement.EntitlementRuleViolation.InvalidEntitlementField;
import io.grantline.command.identity.IdentityDirectory;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/** A catalog entry: one privilege level on one asset, with its owner, risk tier and longest grant. */
@Aggregate
public class Entitlement {

    /** No grant of any entitlement lasts longer than a year without a new approval. */
    static final Duration LONGEST_MAX_DURATION = Duration.ofDays(366);

    @AggregateIdentifier
    private EntitlementId id;
    private String resource;
    private String zone;
    private PrivilegeLevel level;
    private RiskTier risk;
    private IdentityId ownerId;
    private Duration maxDuration;
    private Set<EntitlementId> sodConflicts;
    private boolean retired;

    Entitlement() {
        // for Axon: state is rebuilt from the events
    }

    @CommandHandler
    Entitlement(DefineEntitlement command, IdentityDirectory identities, EntitlementCatalog catalog) {
        EntitlementId id = Objects.requireNonNull(command.entitlementId(), "id");
        if (catalog.find(id).isPresent()) {
            throw new EntitlementAlreadyDefined(id.value());
        }
        requireField(Text.isPlain(command.resource(), 200), "resource", "resource is required (at most 200 characters)");
        requireField(Text.isPlain(command.system(), 200), "system", "system is required (at most 200 characters)");
        requireField(Text.isPlain(command.zone(), 200), "zone", "zone is required (at most 200 characters)");
        requireField(command.level() != null, "level", "level is required");
        requireField(command.risk() != null, "risk", "risk is required");
        requireField(command.ownerId() != null, "ownerId", "ownerId is required");
        checkMaxDuration(command.maxDuration());
        identities.requireActiveHuman(command.ownerId(), "ownerId");
        checkConflicts(id, command.sodConflicts(), catalog);
        Provisioning provisioning = checkProvisioning(command.provisioning());
        apply(new EntitlementDefined(id, command.resource().strip(), command.system().strip(), command.zone().strip(),
                command.level(), command.risk(), command.ownerId(), command.maxDuration(), command.sodConflicts()));
        if (provisioning != null) {
            apply(new EntitlementProvisioningSet(id, provisioning));
        }
    }

    /** An LDAP-bound entitlement names its group by DN; another connector may pass a group on as it is. */
    private static Provisioning checkProvisioning(Provisioning provisioning) {
        if (provisioning == null) {
            return null;
        }
        requireField(provisioning.connector() != null, "provisioning.connector", "provisioning.connector is required");
        String group = provisioning.group() == null || provisioning.group().isBlank() ? null : provisioning.group().strip();
        if (provisioning.connector() == ConnectorKind.LDAP) {
            requireField(Text.isDistinguishedName(group), "provisioning.group",
                    "an LDAP-bound entitlement names its group by DN, such as cn=plc-7-operators,ou=groups,dc=plant,dc=example");
        } else {
            requireField(group == null || Text.isPlain(group, 500), "provisioning.group", "provisioning.group is at most 500 characters");
        }
        return new Provisioning(provisioning.connector(), group);
    }

    @CommandHandler
    void handle(ChangeEntitlementOwner command, IdentityDirectory identities) {
        requireNotRetired();
        requireField(command.ownerId() != null, "ownerId", "ownerId is required");
        identities.requireActiveHuman(command.ownerId(), "ownerId");
        if (!command.ownerId().equals(ownerId)) {
            apply(new EntitlementOwnerChanged(id, command.ownerId(), ownerId));
        }
    }

    @CommandHandler
    void handle(ChangeEntitlementPolicy command, EntitlementCatalog catalog) {
        requireNotRetired();
        requireField(command.risk() != null, "risk", "risk is required");
        checkMaxDuration(command.maxDuration());
        checkConflicts(id, command.sodConflicts(), catalog);
        boolean unchanged = command.risk() == risk && command.maxDuration().equals(maxDuration)
                && command.sodConflicts().equals(sodConflicts);
        if (!unchanged) {
            apply(new EntitlementPolicyChanged(id, command.risk(), command.maxDuration(), command.sodConflicts()));
        }
    }

    @CommandHandler
    void handle(RetireEntitlement command) {
        requireField(Text.isPlain(command.reason(), 1000), "reason", "reason is required (at most 1000 characters)");
        if (!retired) {
            apply(new EntitlementRetired(id, command.reason().strip()));
        }
    }

    @EventSourcingHandler
    void on(EntitlementDefined event) {
        id = event.entitlementId();
        resource = event.resource();
        zone = event.zone();
        level = event.level();
        risk = event.risk();
        ownerId = event.ownerId();
        maxDuration = event.maxDuration();
        sodConflicts = event.sodConflicts();
    }

    @EventSourcingHandler
    void on(EntitlementOwnerChanged event) {
        ownerId = event.ownerId();
    }

    @EventSourcingHandler
    void on(EntitlementPolicyChanged event) {
        risk = event.risk();
        maxDuration = event.maxDuration();
        sodConflicts = event.sodConflicts();
    }

    @EventSourcingHandler
    void on(EntitlementRetired event) {
        retired = true;
    }

    EntitlementFacts facts() {
        return new EntitlementFacts(id, resource, zone, level, risk, ownerId, maxDuration, sodConflicts, retired);
    }

    private void requireNotRetired() {
        if (retired) {
            throw new EntitlementRetiredAlready(id.value());
        }
    }

    private static void checkMaxDuration(Duration maxDuration) {
        requireField(maxDuration != null, "maxDuration", "maxDuration is required");
        requireField(!maxDuration.isNegative() && !maxDuration.isZero() && maxDuration.compareTo(LONGEST_MAX_DURATION) <= 0,
                "maxDuration", "maxDuration must be positive and at most " + LONGEST_MAX_DURATION.toDays() + " days");
    }

    private static void checkConflicts(EntitlementId self, Set<EntitlementId> conflicts, EntitlementCatalog catalog) {
        requireField(conflicts.size() <= 100, "sodConflicts", "at most 100 conflicting entitlements");
        for (EntitlementId conflict : conflicts) {
            requireField(!conflict.equals(self), "sodConflicts", "an entitlement cannot conflict with itself");
            catalog.require(conflict, "sodConflicts");
        }
    }

    private static void requireField(boolean ok, String field, String message) {
        if (!ok) {
            throw new InvalidEntitlementField(field, message);
        }
    }
}
