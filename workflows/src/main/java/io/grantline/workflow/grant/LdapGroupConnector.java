package io.grantline.workflow.grant;

import io.grantline.api.entitlement.ConnectorKind;
import io.grantline.api.grant.GrantSummary;
import io.grantline.api.grant.ProvisioningTarget;
import io.grantline.workflow.settings.ConnectorSettings;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.Set;
import javax.naming.Context;
import javax.naming.InvalidNameException;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.directory.AttributeInUseException;
import javax.naming.directory.BasicAttribute;
import javax.naming.directory.DirContext;
import javax.naming.directory.InitialDirContext;
import javax.naming.directory.ModificationItem;
import javax.naming.directory.NoSuchAttributeException;
import javax.naming.ldap.LdapName;
import org.springframework.stereotype.Component;

/**
 * Enforces a grant as membership of an LDAP group ({@code member} holds the DNs): the holder's {@code directoryDn} is
 * added when the grant is provisioned and removed when it ends, unless another grant the holder still has puts them in the
 * same group. Only what differs from the group's members is changed, so a retried step is harmless. Groups are
 * confined to {@code search-base} when one is configured. Through the JDK's LDAP provider; no library.
 */
@Component
public class LdapGroupConnector implements TargetConnector {

    private static final String MEMBER = "member";
    private static final String TIMEOUT_MS = "10000";

    private final ConnectorSettings.Ldap settings;

    LdapGroupConnector(ConnectorSettings settings) {
        this.settings = settings.ldap();
    }

    @Override
    public ConnectorKind kind() {
        return ConnectorKind.LDAP;
    }

    @Override
    public boolean available() {
        return settings.configured();
    }

    @Override
    public void provision(GrantSummary grant, ProvisioningTarget target) {
        if (target.directoryDn() == null) {
            throw new IllegalStateException("identity " + grant.identityId().value() + " has no directoryDn: the LDAP group "
                    + target.group() + " cannot list it (PUT /api/identities/" + grant.identityId().value()
                    + "/directory-entry, then retry the step in Cockpit)");
        }
        LdapName member = name(target.directoryDn());
        if (!members(target.group()).contains(member)) {
            modify(target.group(), DirContext.ADD_ATTRIBUTE, member, grant);
        }
    }

    /**
     * Removes the membership, unless another grant the holder still has puts them in the same group (then the caller
     * says so with {@code stillNeeded}); a holder without a directory entry was never a member.
     */
    public void deprovision(GrantSummary grant, ProvisioningTarget target, boolean stillNeeded) {
        if (target.directoryDn() == null || stillNeeded) {
            return;
        }
        LdapName member = name(target.directoryDn());
        if (members(target.group()).contains(member)) {
            modify(target.group(), DirContext.REMOVE_ATTRIBUTE, member, grant);
        }
    }

    @Override
    public void deprovision(GrantSummary grant, ProvisioningTarget target) {
        deprovision(grant, target, false);
    }

    /** Whether {@code groupDn} lies under the configured {@code search-base} (any group when none is configured). */
    public boolean allows(String groupDn) {
        if (settings.searchBase() == null || settings.searchBase().isBlank()) {
            return true;
        }
        return name(groupDn).startsWith(name(settings.searchBase()));
    }

    /** The group's members, as distinguished names (compared as the directory compares them, not as text). */
    public Set<LdapName> members(String groupDn) {
        LdapName group = group(groupDn);
        DirContext directory = connect();
        try {
            Attribute members = directory.getAttributes(group, new String[] {MEMBER}).get(MEMBER);
            Set<LdapName> names = new HashSet<>();
            if (members != null) {
                NamingEnumeration<?> values = members.getAll();
                while (values.hasMore()) {
                    names.add(new LdapName(values.next().toString()));
                }
            }
            return names;
        } catch (NamingException e) {
            throw new IllegalStateException("LDAP group " + groupDn + " could not be read: " + e.getMessage(), e);
        } finally {
            close(directory);
        }
    }

    /**
     * Members are read first and only what differs is changed, so a retried step is harmless on any directory (Active
     * Directory answers a repeated change differently from OpenLDAP).
     */
    private void modify(String groupDn, int operation, LdapName member, GrantSummary grant) {
        LdapName group = group(groupDn);
        DirContext directory = connect();
        try {
            directory.modifyAttributes(group, new ModificationItem[] {
                    new ModificationItem(operation, new BasicAttribute(MEMBER, member.toString()))});
        } catch (AttributeInUseException | NoSuchAttributeException alreadyThatWay) {
            // changed by someone else between the read and the write: what the step wanted is so
        } catch (NamingException e) {
            throw new IllegalStateException("LDAP group " + groupDn + " refused the change for grant " + grant.id().value()
                    + ": " + e.getMessage(), e);
        } finally {
            close(directory);
        }
    }

    /** A group outside the configured search base is never changed or read, whatever an entitlement names. */
    private LdapName group(String groupDn) {
        if (!allows(groupDn)) {
            throw new IllegalStateException("LDAP group " + groupDn + " is outside grantline.connectors.ldap.search-base");
        }
        return name(groupDn);
    }

    /** DNs go to JNDI as names, never as strings (which it would read as composite names: a "/" would split one). */
    private static LdapName name(String dn) {
        try {
            return new LdapName(dn);
        } catch (InvalidNameException e) {
            throw new IllegalStateException("not a distinguished name: " + dn, e);
        }
    }

    private DirContext connect() {
        if (!settings.configured()) {
            throw new IllegalStateException("no LDAP directory is configured (grantline.connectors.ldap.url)");
        }
        Hashtable<String, Object> environment = new Hashtable<>();
        environment.put(Context.INITIAL_CONTEXT_FACTORY, "com.sun.jndi.ldap.LdapCtxFactory");
        environment.put(Context.PROVIDER_URL, settings.url().toString());
        environment.put("com.sun.jndi.ldap.connect.timeout", TIMEOUT_MS);
        environment.put("com.sun.jndi.ldap.read.timeout", TIMEOUT_MS);
        if (settings.bindDn() != null) {
            if (settings.password() == null || settings.password().isEmpty()) {
                // an empty password is an unauthenticated bind to most directories: refuse rather than act as nobody
                throw new IllegalStateException("grantline.connectors.ldap.bind-dn is set without a password");
            }
            environment.put(Context.SECURITY_AUTHENTICATION, "simple");
            environment.put(Context.SECURITY_PRINCIPAL, settings.bindDn());
            environment.put(Context.SECURITY_CREDENTIALS, settings.password());
        }
        try {
            return new InitialDirContext(environment);
        } catch (NamingException e) {
            throw new IllegalStateException("LDAP directory " + settings.url() + " could not be reached: " + e.getMessage(), e);
        }
    }

    private static void close(DirContext directory) {
        try {
            directory.close();
        } catch (NamingException ignored) {
            // the work is done or has failed already
        }
    }
}
