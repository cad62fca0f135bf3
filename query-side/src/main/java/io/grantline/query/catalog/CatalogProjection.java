package io.grantline.query.catalog;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.grantline.api.entitlement.EntitlementDefined;
import io.grantline.api.entitlement.EntitlementId;
import io.grantline.api.entitlement.EntitlementOwnerChanged;
import io.grantline.api.entitlement.EntitlementPolicyChanged;
import io.grantline.api.entitlement.EntitlementProvisioningSet;
import io.grantline.api.entitlement.EntitlementRetired;
import io.grantline.api.entitlement.EntitlementSummary;
import io.grantline.api.entitlement.FindEntitlement;
import io.grantline.api.entitlement.ListEntitlements;
import io.grantline.api.identity.DirectoryEntryAssigned;
import io.grantline.api.identity.FindIdentity;
import io.grantline.api.identity.IdentityDeparted;
import io.grantline.api.identity.IdentityId;
import io.grantline.api.identity.IdentityMarkedCompromised;
import io.grantline.api.identity.IdentityRegistered;
import io.grantline.api.identity.IdentityReinstated;
import io.grantline.api.identity.IdentityStatus;
import io.grantline.api.identity.IdentitySummary;
import io.grantline.api.identity.IdentitySuspended;
import io.grantline.api.identity.ListIdentities;
import io.grantline.api.identity.ManagerAssigned;
import io.grantline.api.identity.OwnerAssigned;
import io.grantline.api.identity.Role;
import io.grantline.api.identity.RolesAssigned;
import io.grantline.api.identity.SponsorAssigned;
import io.grantline.query.common.VersionedUpdates;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** The catalog of identities and entitlements as administrators and the other views read it. */
@Component
@ProcessingGroup(CatalogProjection.PROCESSING_GROUP)
public class CatalogProjection {

    public static final String PROCESSING_GROUP = "catalog-views";

    private final MongoTemplate mongo;
    private final VersionedUpdates identities;
    private final VersionedUpdates entitlements;

    public CatalogProjection(MongoTemplate mongo) {
        this.mongo = mongo;
        this.identities = new VersionedUpdates(mongo, IdentityDocument.COLLECTION);
        this.entitlements = new VersionedUpdates(mongo, EntitlementDocument.COLLECTION);
    }

    @EventHandler
    void on(IdentityRegistered event, @SequenceNumber long sequence) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("kind", event.kind().name());
        fields.put("displayName", event.displayName());
        fields.put("email", event.email());
        fields.put("managerId", idOrNull(event.managerId()));
        fields.put("ownerId", idOrNull(event.ownerId()));
        fields.put("roles", names(event.roles()));
        fields.put("status", IdentityStatus.ACTIVE.name());
        identities.create(event.identityId().value(), sequence, fields);
    }

    @EventHandler
    void on(RolesAssigned event, @SequenceNumber long sequence) {
        identities.apply(event.identityId().value(), sequence, Update.update("roles", names(event.roles())));
    }

    @EventHandler
    void on(ManagerAssigned event, @SequenceNumber long sequence) {
        identities.apply(event.identityId().value(), sequence, Update.update("managerId", idOrNull(event.managerId())));
    }

    @EventHandler
    void on(SponsorAssigned event, @SequenceNumber long sequence) {
        identities.apply(event.identityId().value(), sequence, Update.update("sponsorId", event.sponsorId().value())
                .set("endsAt", Date.from(event.endsAt())));
    }

    @EventHandler
    void on(OwnerAssigned event, @SequenceNumber long sequence) {
        identities.apply(event.identityId().value(), sequence, Update.update("ownerId", idOrNull(event.ownerId())));
    }

    @EventHandler
    void on(IdentityMarkedCompromised event, @SequenceNumber long sequence) {
        status(event.identityId(), IdentityStatus.COMPROMISED, sequence);
    }

    @EventHandler
    void on(IdentitySuspended event, @SequenceNumber long sequence) {
        status(event.identityId(), IdentityStatus.SUSPENDED, sequence);
    }

    @EventHandler
    void on(IdentityReinstated event, @SequenceNumber long sequence) {
        status(event.identityId(), IdentityStatus.ACTIVE, sequence);
    }

    @EventHandler
    void on(IdentityDeparted event, @SequenceNumber long sequence) {
        status(event.identityId(), IdentityStatus.DEPARTED, sequence);
    }

    @EventHandler
    void on(EntitlementDefined event, @SequenceNumber long sequence) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("resource", event.resource());
        fields.put("system", event.system());
        fields.put("zone", event.zone());
        fields.put("level", event.level().name());
        fields.put("risk", event.risk().name());
        fields.put("ownerId", event.ownerId().value());
        fields.put("maxDuration", event.maxDuration().toString());
        fields.put("sodConflicts", values(event.sodConflicts()));
        fields.put("retired", false);
        entitlements.create(event.entitlementId().value(), sequence, fields);
    }

    @EventHandler
    void on(EntitlementOwnerChanged event, @SequenceNumber long sequence) {
        entitlements.apply(event.entitlementId().value(), sequence, Update.update("ownerId", event.ownerId().value()));
    }

    @EventHandler
    void on(EntitlementPolicyChanged event, @SequenceNumber long sequence) {
        entitlements.apply(event.entitlementId().value(), sequence, Update.update("risk", event.risk().name())
                .set("maxDuration", event.maxDuration().toString())
                .set("sodConflicts", values(event.sodConflicts())));
    }

    @EventHandler
    void on(EntitlementProvisioningSet event, @SequenceNumber long sequence) {
        entitlements.apply(event.entitlementId().value(), sequence, Update.update("connector", event.provisioning().connector().value())
                .set("group", event.provisioning().group()));
    }

    @EventHandler
    void on(DirectoryEntryAssigned event, @SequenceNumber long sequence) {
        identities.apply(event.identityId().value(), sequence, Update.update("directoryDn", event.directoryDn()));
    }

    @EventHandler
    void on(EntitlementRetired event, @SequenceNumber long sequence) {
        entitlements.apply(event.entitlementId().value(), sequence, Update.update("retired", true));
    }

    @ResetHandler
    void reset() {
        mongo.remove(new Query(), IdentityDocument.COLLECTION);
        mongo.remove(new Query(), EntitlementDocument.COLLECTION);
    }

    @QueryHandler
    public Optional<IdentitySummary> handle(FindIdentity query) {
        return Optional.ofNullable(mongo.findById(query.identityId().value(), IdentityDocument.class))
                .map(IdentityDocument::toSummary);
    }

    @QueryHandler
    public List<IdentitySummary> handle(ListIdentities query) {
        Query select = query.kind() == null ? new Query() : query(where("kind").is(query.kind().name()));
        return mongo.find(select.with(Sort.by("_id")), IdentityDocument.class).stream().map(IdentityDocument::toSummary).toList();
    }

    @QueryHandler
    public Optional<EntitlementSummary> handle(FindEntitlement query) {
        return Optional.ofNullable(mongo.findById(query.entitlementId().value(), EntitlementDocument.class))
                .map(EntitlementDocument::toSummary);
    }

    @QueryHandler
    public List<EntitlementSummary> handle(ListEntitlements query) {
        return mongo.find(new Query().with(Sort.by("_id")), EntitlementDocument.class).stream()
                .map(EntitlementDocument::toSummary).toList();
    }

    private void status(IdentityId id, IdentityStatus status, long sequence) {
        identities.apply(id.value(), sequence, Update.update("status", status.name()));
    }

    private static String idOrNull(IdentityId id) {
        return id == null ? null : id.value();
    }

    private static List<String> names(Set<Role> roles) {
        return roles.stream().map(Role::name).toList();
    }

    private static List<String> values(Set<EntitlementId> ids) {
        return ids.stream().map(EntitlementId::value).toList();
    }
}
