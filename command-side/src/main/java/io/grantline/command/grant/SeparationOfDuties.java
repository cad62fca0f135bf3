package io.grantline.command.grant;

import io.grantline.api.entitlement.EntitlementId;
import io.grantline.command.entitlement.EntitlementCatalog;
import io.grantline.command.entitlement.EntitlementFacts;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The separation-of-duties rule, the same for a request and for its grant: a conflict declared on either
 * entitlement counts, because an administrator may declare it on only one side.
 */
public final class SeparationOfDuties {

    private SeparationOfDuties() {
    }

    /**
     * The first entitlement (by id, so the answer is stable) in {@code held} that conflicts with {@code wanted}. The
     * held entitlements' declarations are read all at once ({@link EntitlementCatalog#findAll}), not one load each.
     */
    public static Optional<EntitlementId> conflictOf(EntitlementFacts wanted, Set<EntitlementId> held, EntitlementCatalog catalog) {
        Set<EntitlementId> declaringOnHeld = new TreeSet<>();
        for (EntitlementFacts holding : catalog.findAll(held)) {
            if (holding.sodConflicts().contains(wanted.id())) {
                declaringOnHeld.add(holding.id());
            }
        }
        for (EntitlementId holding : new TreeSet<>(held)) {
            if (wanted.sodConflicts().contains(holding) || declaringOnHeld.contains(holding)) {
                return Optional.of(holding);
            }
        }
        return Optional.empty();
    }
}
