package io.grantline.infra.domain;

import io.grantline.api.identity.DirectoryEntryAssigned;
import io.grantline.api.identity.FindIdentityNow;
import io.grantline.api.identity.IdentityDeparted;
import io.grantline.api.identity.IdentityEvent;
import io.grantline.api.identity.IdentityId;
import io.grantline.api.identity.IdentityKind;
import io.grantline.api.identity.IdentityMarkedCompromised;
import io.grantline.api.identity.IdentityRegistered;
import io.grantline.api.identity.IdentityReinstated;
import io.grantline.api.identity.IdentityStatus;
import io.grantline.api.identity.IdentitySummary;
import io.grantline.api.identity.IdentitySuspended;
import io.grantline.api.identity.ListActiveHolders;
import io.grantline.api.identity.ListOwnedIdentities;
import io.grantline.api.identity.ListSponsoredPeople;
import io.grantline.api.identity.ManagerAssigned;
import io.grantline.api.identity.OwnerAssigned;
import io.grantline.api.identity.Role;
import io.grantline.api.identity.RolesAssigned;
import io.grantline.api.identity.SponsorAssigned;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.queryhandling.QueryHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each identity's kind, status, roles, manager and owner, kept by a subscribing processor in the transaction of the
 * command that changed them. Sign-in, API tokens, OIDC roles and the OT_SECURITY role holders read it, so a role change
 * or a compromise counts at the very next request, whatever the read models' lag and even with their store down.
 */
@Component
@ProcessingGroup(IdentityIndex.PROCESSING_GROUP)
public class IdentityIndex {

    public static final String PROCESSING_GROUP = "identity-index";

    private static final Logger log = LoggerFactory.getLogger(IdentityIndex.class);

    private final JdbcClient jdbc;
    private final EventStorageEngine events;

    IdentityIndex(JdbcClient jdbc, EventStorageEngine events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    private static final String SUMMARY = "SELECT identity_id, kind, display_name, email, manager_id, owner_id, roles, status,"
            + " sponsor_id, ends_at_ms, directory_dn FROM identity_index";

    /** The identity as the event store says it is now; empty for anything that is not a registered identity. */
    public Optional<IdentitySummary> find(String identityId) {
        return jdbc.sql(SUMMARY + " WHERE identity_id = ?").param(identityId).query(IdentityIndex::summary).optional();
    }

    /** Active people holding {@code role}. */
    public Set<IdentityId> activeHumansWith(Role role) {
        return jdbc.sql("SELECT identity_id FROM identity_index WHERE kind = 'HUMAN' AND status = 'ACTIVE' AND roles LIKE ?")
                .param("%," + role.name() + ",%")
                .query(String.class).list().stream().map(IdentityId::of).collect(Collectors.toCollection(TreeSet::new));
    }

    @QueryHandler
    public Optional<IdentitySummary> handle(FindIdentityNow query) {
        return find(query.identityId().value());
    }

    @QueryHandler
    public List<IdentitySummary> handle(ListOwnedIdentities query) {
        return jdbc.sql(SUMMARY + " WHERE owner_id = ? AND kind <> 'HUMAN' AND status = 'ACTIVE' ORDER BY identity_id")
                .param(query.ownerId().value()).query(IdentityIndex::summary).list();
    }

    @QueryHandler
    public List<IdentitySummary> handle(ListSponsoredPeople query) {
        return jdbc.sql(SUMMARY + " WHERE sponsor_id = ? AND status = 'ACTIVE' ORDER BY identity_id")
                .param(query.sponsorId().value()).query(IdentityIndex::summary).list();
    }

    @QueryHandler
    public List<IdentitySummary> handle(ListActiveHolders query) {
        return jdbc.sql(SUMMARY + " WHERE kind = 'HUMAN' AND status = 'ACTIVE' AND roles LIKE ? ORDER BY identity_id")
                .param("%," + query.role().name() + ",%").query(IdentityIndex::summary).list();
    }

    private static IdentitySummary summary(ResultSet row, int number) throws SQLException {
        long endsAt = row.getLong(10);
        Instant ends = row.wasNull() ? null : Instant.ofEpochMilli(endsAt);
        return new IdentitySummary(IdentityId.of(row.getString(1)), IdentityKind.valueOf(row.getString(2)), row.getString(3),
                row.getString(4), id(row.getString(5)), id(row.getString(6)), roles(row.getString(7)),
                IdentityStatus.valueOf(row.getString(8)), row.getString(9) != null, id(row.getString(9)), ends, row.getString(11));
    }

    @EventHandler
    void on(IdentityRegistered event) {
        jdbc.sql("DELETE FROM identity_index WHERE identity_id = ?").param(event.identityId().value()).update();
        jdbc.sql("INSERT INTO identity_index (identity_id, kind, display_name, email, manager_id, owner_id, roles, status)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(event.identityId().value(), event.kind().name(), event.displayName(), event.email(),
                        value(event.managerId()), value(event.ownerId()), roles(event.roles()), IdentityStatus.ACTIVE.name())
                .update();
    }

    @EventHandler
    void on(RolesAssigned event) {
        set(event.identityId(), "roles", roles(event.roles()));
    }

    @EventHandler
    void on(SponsorAssigned event) {
        jdbc.sql("UPDATE identity_index SET sponsor_id = ?, ends_at_ms = ? WHERE identity_id = ?")
                .params(event.sponsorId().value(), event.endsAt().toEpochMilli(), event.identityId().value()).update();
    }

    @EventHandler
    void on(DirectoryEntryAssigned event) {
        jdbc.sql("UPDATE identity_index SET directory_dn = ? WHERE identity_id = ?")
                .params(event.directoryDn(), event.identityId().value()).update();
    }

    @EventHandler
    void on(ManagerAssigned event) {
        set(event.identityId(), "manager_id", value(event.managerId()));
    }

    @EventHandler
    void on(OwnerAssigned event) {
        set(event.identityId(), "owner_id", value(event.ownerId()));
    }

    @EventHandler
    void on(IdentityMarkedCompromised event) {
        set(event.identityId(), "status", IdentityStatus.COMPROMISED.name());
    }

    @EventHandler
    void on(IdentitySuspended event) {
        set(event.identityId(), "status", IdentityStatus.SUSPENDED.name());
    }

    @EventHandler
    void on(IdentityReinstated event) {
        set(event.identityId(), "status", IdentityStatus.ACTIVE.name());
    }

    @EventHandler
    void on(IdentityDeparted event) {
        set(event.identityId(), "status", IdentityStatus.DEPARTED.name());
    }

    /**
     * A database whose identities were registered before this index existed gets it built once, from the events, at
     * the first start: until then nobody of the catalog could sign in.
     */
    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    public void buildOnceFromTheEvents() {
        if (jdbc.sql("SELECT COUNT(*) FROM identity_index").query(Long.class).single() > 0) {
            return;
        }
        long[] applied = {0};
        try (var stream = events.readEvents(null, false)) {
            stream.filter(message -> message.getPayload() instanceof IdentityEvent).forEach(message -> {
                apply(message);
                applied[0]++;
            });
        }
        if (applied[0] > 0) {
            log.info("Identity index built from {} identity events", applied[0]);
        }
    }

    private void apply(EventMessage<?> message) {
        Object event = message.getPayload();
        if (event instanceof IdentityRegistered e) {
            on(e);
        } else if (event instanceof RolesAssigned e) {
            on(e);
        } else if (event instanceof ManagerAssigned e) {
            on(e);
        } else if (event instanceof OwnerAssigned e) {
            on(e);
        } else if (event instanceof IdentityMarkedCompromised e) {
            on(e);
        } else if (event instanceof IdentitySuspended e) {
            on(e);
        } else if (event instanceof IdentityReinstated e) {
            on(e);
        } else if (event instanceof IdentityDeparted e) {
            on(e);
        } else if (event instanceof SponsorAssigned e) {
            on(e);
        } else if (event instanceof DirectoryEntryAssigned e) {
            on(e);
        }
    }

    private void set(IdentityId identity, String column, String value) {
        // the column is one of ours, never input
        jdbc.sql("UPDATE identity_index SET " + column + " = ? WHERE identity_id = ?").params(value, identity.value()).update();
    }

    /** Roles as ",A,B," so a LIKE finds one exactly. */
    private static String roles(Set<Role> roles) {
        return roles.isEmpty() ? "," : roles.stream().map(Role::name).sorted().collect(Collectors.joining(",", ",", ","));
    }

    private static Set<Role> roles(String stored) {
        return Arrays.stream(stored.split(",")).filter(name -> !name.isBlank()).map(Role::valueOf)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static String value(IdentityId id) {
        return id == null ? null : id.value();
    }

    private static IdentityId id(String value) {
        return value == null ? null : IdentityId.of(value);
    }
}
