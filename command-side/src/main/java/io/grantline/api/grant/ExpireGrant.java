package io.grantline.api.grant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The grant's expiry timer fired. Answers null when the grant has ended (now, or before), or the end still ahead when
 * an extension moved it after the timer was set: the timer is then set again for that end.
 */
public record ExpireGrant(@TargetAggregateIdentifier GrantId grantId) {
}
