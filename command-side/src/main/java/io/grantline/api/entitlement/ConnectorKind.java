package io.grantline.api.entitlement;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Which built-in connector enforces an entitlement's grants: an LDAP group ({@code ldap}), a webhook a site's own
 * system receives ({@code webhook}), or none, the grant only recorded ({@code record}). Written in lower case, as API.md
 * shows it.
 */
public enum ConnectorKind {
    LDAP, WEBHOOK, RECORD;

    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static ConnectorKind of(String value) {
        for (ConnectorKind kind : values()) {
            if (kind.value().equals(value)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("connector must be one of ldap, webhook, record");
    }
}
