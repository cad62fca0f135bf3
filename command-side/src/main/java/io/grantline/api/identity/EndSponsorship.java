package io.grantline.api.identity;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The sponsorship that ended at {@code endsAt} has run out (the process's timer fired): the external person departs,
 * unless their sponsorship was changed since (another {@code endsAt}) or they have departed already.
 */
public record EndSponsorship(@TargetAggregateIdentifier IdentityId identityId, Instant endsAt) {
}
