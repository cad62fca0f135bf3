package io.grantline.query.catalog;

import io.grantline.api.identity.IdentityId;
import io.grantline.api.identity.IdentityKind;
import io.grantline.api.identity.IdentityStatus;
import io.grantline.api.identity.IdentitySummary;
import io.grantline.api.identity.Role;
import java.util.Date;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One identity as the catalog shows it. {@code version} is the sequence number of the last event applied, so an
 * event delivered again (after a crash between the write and the token update) changes nothing.
 */
@Document(IdentityDocument.COLLECTION)
record IdentityDocument(@Id String id, IdentityKind kind, String displayName, String email, String managerId,
                        String ownerId, Set<Role> roles, IdentityStatus status, String sponsorId, Date endsAt, String directoryDn,
                        long version) {

    static final String COLLECTION = "identities";

    IdentitySummary toSummary() {
        return new IdentitySummary(IdentityId.of(id), kind, displayName, email, managerId == null ? null : IdentityId.of(managerId),
                ownerId == null ? null : IdentityId.of(ownerId), roles == null ? Set.of() : roles, status, sponsorId != null,
                sponsorId == null ? null : IdentityId.of(sponsorId), endsAt == null ? null : endsAt.toInstant(), directoryDn);
    }
}
