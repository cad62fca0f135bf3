package io.grantline.workflow.grant;

import io.grantline.api.entitlement.ConnectorKind;
import io.grantline.api.grant.GrantSummary;
import io.grantline.api.grant.ProvisioningTarget;
import io.grantline.workflow.settings.ConnectorSettings;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.Set;
import javax.naming.Context;
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
 * added when the grant is provisioned and removed when it ends. Adding a member who is one already, or removing one
 * who is not, changes nothing, so a retried step is harmless. Through the JDK's LDAP provider; no library.
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
        modify(target, DirContext.ADD_ATTRIBUTE, grant);
    }

    @Override
    public void deprovision(GrantSummary grant, ProvisioningTarget target) {
        modify(target, DirContext.REMOVE_ATTRIBUTE, grant);
    }

    /** The group's members, as distinguished names (compared as the directory compares them, not as text). */
    public Set<LdapName> members(String groupDn) {
        DirContext directory = connect();
        try {
            Attribute members = directory.getAttributes(groupDn, new String[] {MEMBER}).get(MEMBER);
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

    private void modify(ProvisioningTarget target, int operation, GrantSummary grant) {
        if (target.directoryDn() == null) {
            throw new IllegalStateException("identity " + grant.identityId().value() + " has no directoryDn: the LDAP group "
                    + target.group() + " cannot list it (set its directory entry, then retry the step in Cockpit)");
        }
        DirContext directory = connect();
        try {
            directory.modifyAttributes(target.group(), new ModificationItem[] {
                    new ModificationItem(operation, new BasicAttribute(MEMBER, target.directoryDn()))});
        } catch (AttributeInUseException | NoSuchAttributeException alreadyThatWay) {
            // a member already (provisioned before a retry), or no longer one: what the step wanted is so
        } catch (NamingException e) {
            throw new IllegalStateException("LDAP group " + target.group() + " refused the change for grant " + grant.id().value()
                    + ": " + e.getMessage(), e);
        } finally {
            close(directory);
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
            environment.put(Context.SECURITY_AUTHENTICATION, "simple");
            environment.put(Context.SECURITY_PRINCIPAL, settings.bindDn());
            environment.put(Context.SECURITY_CREDENTIALS, settings.password() == null ? "" : settings.password());
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
