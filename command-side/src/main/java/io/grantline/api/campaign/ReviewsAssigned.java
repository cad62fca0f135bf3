package io.grantline.api.campaign;

import org.axonframework.serialization.Revision;

/**
 * The snapshot of the grants in scope was taken and split into {@code reviews} reviews ({@code <campaignId>.r0} ..),
 * {@code items} grants in all; {@code withoutReviewer} of them found no active reviewer and follow the campaign's
 * no-decision policy at the due date unless someone is delegated to them.
 */
@Revision("1")
public record ReviewsAssigned(CampaignId campaignId, int reviews, int items, int withoutReviewer) implements CampaignEvent {
}
