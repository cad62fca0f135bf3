package io.grantline.workflow.campaign;

import io.grantline.api.campaign.CampaignClosed;
import io.grantline.api.campaign.CampaignLaunched;
import io.grantline.api.campaign.ConcludeReview;
import io.grantline.api.campaign.EscalateReview;
import io.grantline.api.campaign.ListOpenReviewsOf;
import io.grantline.api.campaign.NoDecisionPolicy;
import io.grantline.api.campaign.ReassignmentReason;
import io.grantline.api.campaign.ReviewClosed;
import io.grantline.api.campaign.ReviewDecisionRecorded;
import io.grantline.api.campaign.ReviewDelegated;
import io.grantline.api.campaign.ReviewEscalated;
import io.grantline.api.campaign.ReviewId;
import io.grantline.api.campaign.ReviewOpened;
import io.grantline.api.campaign.ReviewOutcome;
import io.grantline.api.grant.CertifyGrant;
import io.grantline.api.grant.EndReason;
import io.grantline.api.grant.GrantId;
import io.grantline.api.grant.RevokeGrant;
import io.grantline.api.identity.IdentityDeparted;
import io.grantline.api.identity.IdentityId;
import io.grantline.api.identity.IdentityMarkedCompromised;
import io.grantline.api.identity.IdentitySuspended;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Campaign events start and move the recertification processes, and carry review decisions to the grants. Like the
 * process bridge, a tracking processor whose token commits with the engine's work and the commands it sends: each
 * event is acted on once, or after a failure again from scratch; starting a process checks that none exists.
 */
@Component
@ProcessingGroup(CampaignBridge.PROCESSING_GROUP)
class CampaignBridge {

    static final String PROCESSING_GROUP = "campaign-bridge";
    static final String RECERTIFICATION = "recertification";
    static final String CAMPAIGN_REVIEW = ReviewProcesses.CAMPAIGN_REVIEW;

    private static final Logger log = LoggerFactory.getLogger(CampaignBridge.class);

    private final RuntimeService runtime;
    private final ReviewProcesses reviewProcesses;
    private final TaskService tasks;
    private final CommandGateway commands;
    private final QueryGateway queries;
    private final ReviewMails mails;

    CampaignBridge(RuntimeService runtime, ReviewProcesses reviewProcesses, TaskService tasks, CommandGateway commands, QueryGateway queries,
                   ReviewMails mails) {
        this.runtime = runtime;
        this.reviewProcesses = reviewProcesses;
        this.tasks = tasks;
        this.commands = commands;
        this.queries = queries;
        this.mails = mails;
    }

    /** A campaign launched by the API starts its process; one launched by the quarterly timer already has one. */
    @EventHandler
    void on(CampaignLaunched event) {
        String campaignId = event.campaignId().value();
        if (reviewProcesses.started(RECERTIFICATION, campaignId)) {
            return;
        }
        runtime.createMessageCorrelation("CampaignLaunched").processInstanceBusinessKey(campaignId)
                .setVariable("campaignId", campaignId).setVariable("dueAt", event.dueAt().toString()).correlateStartMessage();
    }

    /** The snapshot step started the review's process in the same transaction; this starts one only if it did not. */
    @EventHandler
    void on(ReviewOpened event) {
        reviewProcesses.start(event.reviewId(), event.dueAt());
    }

    /** CERTIFY is recorded on the grant; REVOKE ends it through the grant lifecycle (deprovisioning included). */
    @EventHandler
    void on(ReviewDecisionRecorded event) {
        if (event.outcome() == ReviewOutcome.CERTIFY) {
            toGrant(event.grantId(), new CertifyGrant(event.grantId(), event.campaignId(), event.reviewerId()));
        } else {
            String comment = "revoked by " + event.reviewerId().value() + " in campaign " + event.campaignId().value()
                    + (event.comment() == null ? "" : ": " + event.comment());
            toGrant(event.grantId(), new RevokeGrant(event.grantId(), EndReason.REVIEW, clip(comment)));
        }
    }

    /**
     * A closed review ends its process (when every item was decided), applies the campaign's policy to what nobody
     * decided, and is tallied by its campaign, which closes with the last one.
     */
    @EventHandler
    void on(ReviewClosed event) {
        for (Task task : tasks.createTaskQuery().processDefinitionKey(CAMPAIGN_REVIEW)
                .processInstanceBusinessKey(event.reviewId().value()).taskDefinitionKey("review").active().list()) {
            tasks.complete(task.getId());
        }
        if (event.onNoDecision() == NoDecisionPolicy.REVOKE) {
            for (GrantId undecided : event.undecidedGrants()) {
                toGrant(undecided, new RevokeGrant(undecided, EndReason.REVIEW,
                        "not certified by the due date of campaign " + event.campaignId().value()));
            }
        }
        commands.sendAndWait(new ConcludeReview(event.campaignId(), event.reviewId(), event.certified(), event.revoked(),
                event.undecidedGrants().size()));
    }

    @EventHandler
    void on(CampaignClosed event) {
        runtime.createMessageCorrelation("CampaignClosed").processInstanceBusinessKey(event.campaignId().value()).correlateAll();
    }

    @EventHandler
    void on(ReviewDelegated event) {
        mails.send(ReviewMails.Occasion.DELEGATED, event.reviewId());
    }

    @EventHandler
    void on(IdentityMarkedCompromised event) {
        handOn(event.identityId());
    }

    @EventHandler
    void on(IdentityDeparted event) {
        handOn(event.identityId());
    }

    @EventHandler
    void on(IdentitySuspended event) {
        handOn(event.identityId());
    }

    /**
     * The new reviewer of a review whose reviewer stopped being active gets the digest. (An unanswered review's
     * escalation step mails it itself.) Mailed from the event, once the index that names the reviewer has committed.
     */
    @EventHandler
    void on(ReviewEscalated event) {
        if (event.reason() == ReassignmentReason.REVIEWER_INACTIVE) {
            mails.send(ReviewMails.Occasion.ESCALATED, event.reviewId());
        }
    }

    /** A reviewer who stops being active hands every open review to their manager, as an approver's stages move. */
    private void handOn(IdentityId reviewer) {
        List<ReviewId> open = queries.query(new ListOpenReviewsOf(reviewer), ResponseTypes.multipleInstancesOf(ReviewId.class)).join();
        for (ReviewId reviewId : open) {
            Object next = commands.sendAndWait(new EscalateReview(reviewId, ReassignmentReason.REVIEWER_INACTIVE));
            if (next == null) {
                log.warn("Review {} of inactive reviewer {} has nobody to move to; an administrator may delegate it",
                        reviewId.value(), reviewer.value());
            }
        }
    }

    private void toGrant(GrantId grantId, Object command) {
        commands.sendAndWait(command);
    }

    private static String clip(String text) {
        return text.length() <= 2000 ? text : text.substring(0, 2000);
    }

}
