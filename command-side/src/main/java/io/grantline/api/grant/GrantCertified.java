package io.grantline.api.grant;

import io.grantline.api.campaign.CampaignId;
import io.grantline.api.identity.IdentityId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** {@code reviewerId} confirmed in campaign {@code campaignId} that the grant is still needed. */
@Revision("1")
public record GrantCertified(GrantId grantId, CampaignId campaignId, IdentityId reviewerId, Instant certifiedAt)
        implements GrantEvent {
}
