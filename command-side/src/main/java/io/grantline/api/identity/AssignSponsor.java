package io.grantline.api.identity;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An external person's sponsor vouches anew: another sponsor, or another end (an extension or an earlier end). */
public record AssignSponsor(@TargetAggregateIdentifier IdentityId identityId, IdentityId sponsorId, Instant endsAt) {
}
