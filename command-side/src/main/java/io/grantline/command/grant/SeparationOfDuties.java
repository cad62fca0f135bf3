package io.grantline.command.grant;

import io.grantline.api.entitlement.EntitlementId;
import io.grantline.command.entitlement.EntitlementCatalog;
import io.grantline.command.entitlement.EntitlementFacts;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
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
        return conflictsOf(wanted, held, catalog).stream().findFirst();
    }

    /** Every entitlement in {@code held} that conflicts with {@code wanted}, by id. */
    public static SortedSet<EntitlementId> conflictsOf(EntitlementFacts wanted, Set<EntitlementId> held, EntitlementCatalog catalog) {
        Set<EntitlementId> declaringOnHeld = new TreeSet<>();
        for (EntitlementFacts holding : catalog.findAll(held)) {
            if (holding.sodConflicts().contains(wanted.id())) {
                declaringOnHeld.add(holding.id());
            }
        }
        SortedSet<EntitlementId> conflicts = new TreeSet<>();
        for (EntitlementId holding : held) {
            if (wanted.sodConflicts().contains(holding) || declaringOnHeld.contains(holding)) {
                conflicts.add(holding);
            }
        }
        return conflicts;
    }

    /** The conflicts of {@code wanted} but {@code excepted}, the one an approved exception allows (null: none). */
    public static Optional<EntitlementId> conflictOf(EntitlementFacts wanted, Set<EntitlementId> held, EntitlementCatalog catalog,
                                                     EntitlementId excepted) {
        return conflictsOf(wanted, held, catalog).stream().filter(conflict -> !conflict.equals(excepted)).findFirst();
    }
}
