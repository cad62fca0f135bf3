package io.grantline.infra.reconciliation;

import io.grantline.workflow.grant.LdapGroupConnector;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Compares what each connector's target holds with the grants that should be there, now. For every LDAP group an
 * entitlement names: a member without an active grant that puts them there is an {@code UNGRANTED_MEMBER} (access
 * given outside Grantline, or left behind), and a holder of an active grant who is not a member (or has no directory
 * entry to be one) is a {@code MISSING_MEMBER}; a grant still being provisioned shows as one until it is. Names are
 * compared as the directory compares them. Webhook targets cannot be read back and are not reconciled. Runs one at a
 * time, in the background; each run keeps its findings, and a run that failed (logged) leaves the last good one's.
 */
@Component
public class Reconciliation {

    /** One finding of a run. */
    public record Finding(long id, String connector, String target, String identity, String memberDn, String kind, Instant foundAt) {
    }

    private static final Logger log = LoggerFactory.getLogger(Reconciliation.class);

    private final JdbcClient jdbc;
    private final LdapGroupConnector ldap;
    private final Clock clock;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "reconciliation");
        thread.setDaemon(true);
        return thread;
    });

    Reconciliation(JdbcClient jdbc, LdapGroupConnector ldap, Clock clock) {
        this.jdbc = jdbc;
        this.ldap = ldap;
        this.clock = clock;
    }

    /** Starts a run; its findings replace the last run's once it has finished. */
    public String start(String startedBy) {
        String runId = UUID.randomUUID().toString();
        jdbc.sql("INSERT INTO reconciliation_run (run_id, started_by, started_at) VALUES (?, ?, ?)")
                .params(runId, startedBy, Timestamp.from(clock.instant())).update();
        runner.submit(() -> run(runId));
        return runId;
    }

    /** The findings of the latest run that has finished, oldest first. */
    public List<Finding> latestFindings() {
        return jdbc.sql("""
                        SELECT id, connector, target_group, identity_id, member_dn, kind, found_at FROM reconciliation_finding
                        WHERE run_id = (SELECT run_id FROM reconciliation_run WHERE finished_at IS NOT NULL AND error IS NULL
                                        ORDER BY finished_at DESC LIMIT 1)
                        ORDER BY id""")
                .query((row, n) -> new Finding(row.getLong(1), row.getString(2).toLowerCase(), row.getString(3), row.getString(4),
                        row.getString(5), row.getString(6), row.getTimestamp(7).toInstant()))
                .list();
    }

    /** Whether a run has finished (with or without an error), for callers that wait for one. */
    public boolean finished(String runId) {
        return jdbc.sql("SELECT COUNT(*) FROM reconciliation_run WHERE run_id = ? AND finished_at IS NOT NULL").param(runId)
                .query(Long.class).single() > 0;
    }

    private void run(String runId) {
        String error = null;
        try {
            Map<LdapName, String> identitiesByDn = identitiesByDn();
            // one group may be spelled differently by two entitlements: grouped as the directory compares names
            Map<LdapName, List<String>> spellings = new TreeMap<>();
            jdbc.sql("SELECT DISTINCT target_group FROM entitlement_provisioning WHERE connector = 'LDAP' AND target_group IS NOT NULL")
                    .query(String.class).list().forEach(spelling -> {
                        LdapName group = name(spelling);
                        if (group != null) {
                            spellings.computeIfAbsent(group, any -> new ArrayList<>()).add(spelling);
                        }
                    });
            for (List<String> group : spellings.values()) {
                reconcile(runId, group, identitiesByDn);
            }
        } catch (RuntimeException e) {
            error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            log.warn("Reconciliation {} failed: {}", runId, error);
        }
        jdbc.sql("UPDATE reconciliation_run SET finished_at = ?, error = ? WHERE run_id = ?")
                .params(Timestamp.from(clock.instant()), error == null ? null : error.substring(0, Math.min(error.length(), 1000)), runId)
                .update();
    }

    /** {@code spellings}: the texts entitlements use for one group; findings name it in one form, in lower case. */
    private void reconcile(String runId, List<String> spellings, Map<LdapName, String> identitiesByDn) {
        Set<LdapName> members = ldap.members(spellings.get(0));
        String group = canonical(name(spellings.get(0)));
        Set<LdapName> expected = new HashSet<>();
        Instant now = clock.instant();
        jdbc.sql("""
                        SELECT DISTINCT g.identity_id, i.directory_dn FROM active_grant_index g
                        JOIN entitlement_provisioning e ON e.entitlement_id = g.entitlement_id
                        LEFT JOIN identity_index i ON i.identity_id = g.identity_id
                        WHERE e.connector = 'LDAP' AND e.target_group IN (:groups)
                        ORDER BY g.identity_id""")
                .param("groups", spellings)
                .query((row, n) -> new String[] {row.getString(1), row.getString(2)})
                .list()
                .forEach(holder -> {
                    LdapName dn = holder[1] == null ? null : name(holder[1]);
                    if (dn == null) {
                        record(runId, group, holder[0], null, "MISSING_MEMBER", now);
                    } else {
                        expected.add(dn);
                        if (!members.contains(dn)) {
                            record(runId, group, holder[0], holder[1], "MISSING_MEMBER", now);
                        }
                    }
                });
        members.stream().filter(member -> !expected.contains(member)).sorted()
                .forEach(member -> record(runId, group, identitiesByDn.get(member), member.toString(), "UNGRANTED_MEMBER", now));
    }

    private Map<LdapName, String> identitiesByDn() {
        Map<LdapName, String> byDn = new HashMap<>();
        jdbc.sql("SELECT identity_id, directory_dn FROM identity_index WHERE directory_dn IS NOT NULL").query(row -> {
            LdapName dn = name(row.getString(2));
            if (dn != null) {
                byDn.put(dn, row.getString(1));
            }
        });
        return byDn;
    }

    private void record(String runId, String group, String identity, String memberDn, String kind, Instant at) {
        jdbc.sql("INSERT INTO reconciliation_finding (run_id, connector, target_group, identity_id, member_dn, kind, found_at)"
                        + " VALUES (?, 'LDAP', ?, ?, ?, ?, ?)")
                .params(runId, group, identity, memberDn, kind, Timestamp.from(at)).update();
    }

    /** {@code CN=PLC-7 Operators, OU=groups,…} → {@code cn=plc-7 operators,ou=groups,…}: one spelling per group. */
    private static String canonical(LdapName dn) {
        List<String> rdns = new ArrayList<>();
        for (int i = dn.size() - 1; i >= 0; i--) {
            Rdn rdn = dn.getRdn(i);
            rdns.add(rdn.getType().toLowerCase(Locale.ROOT) + "=" + Rdn.escapeValue(rdn.getValue()).toLowerCase(Locale.ROOT));
        }
        return String.join(",", rdns);
    }

    private static LdapName name(String dn) {
        try {
            return new LdapName(dn);
        } catch (InvalidNameException e) {
            return null;
        }
    }
}
