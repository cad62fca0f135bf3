package io.grantline.workflow.campaign;

import io.grantline.api.campaign.FindReviewAssignment;
import io.grantline.api.campaign.ReviewAssignment;
import io.grantline.api.campaign.ReviewId;
import io.grantline.workflow.mail.Html;
import io.grantline.workflow.mail.Mail;
import io.grantline.workflow.mail.MailOutbox;
import io.grantline.workflow.words.PlainWords;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The one mail per reviewer and occasion: how many privileges wait, by when, and a signed link to the review page.
 * It names no grant: the page shows them to the reviewer, so the mail carries no list of who holds what.
 */
@Component
class ReviewMails {

    enum Occasion {
        DIGEST("Review needed"),
        REMINDER("Reminder: review needed"),
        ESCALATED("Escalated to you: review needed"),
        DELEGATED("Handed to you: review needed");

        private final String subject;

        Occasion(String subject) {
            this.subject = subject;
        }
    }

    private static final Logger log = LoggerFactory.getLogger(ReviewMails.class);

    private final QueryGateway queries;
    private final ReviewLinks links;
    private final MailOutbox outbox;
    private final PlainWords words;
    private final Clock clock;

    ReviewMails(QueryGateway queries, ReviewLinks links, MailOutbox outbox, PlainWords words, Clock clock) {
        this.queries = queries;
        this.links = links;
        this.outbox = outbox;
        this.words = words;
        this.clock = clock;
    }

    /**
     * Queues a mail to the review's current reviewer, if it has one, open items and an address. The assignment is kept in
     * the review events' transaction (ADR 0007), so the mail is stored finished. One mail per occasion, review and
     * reviewer; reminders, which come round on a cycle, one per day.
     */
    void send(Occasion occasion, ReviewId reviewId) {
        Optional<ReviewAssignment> found = queries.query(new FindReviewAssignment(reviewId),
                ResponseTypes.optionalInstanceOf(ReviewAssignment.class)).join();
        if (found.isEmpty() || found.get().closed() || found.get().reviewerId() == null || found.get().openItems() == 0) {
            return;
        }
        ReviewAssignment review = found.get();
        if (review.reviewerEmail() == null) {
            log.warn("Reviewer {} of review {} has no email address; they can decide from /reviews", review.reviewerId().value(),
                    reviewId.value());
            return;
        }
        URI link = links.linkFor(reviewId, review.reviewerId(), review.dueAt());
        String count = review.openItems() == 1 ? "1 privilege" : review.openItems() + " privileges";
        String due = words.instant(review.dueAt());
        String subject = occasion.subject + ": " + count + " by " + due;
        String text = """
                Hello %s,

                %s wait for your review in campaign %s: for each, certify that it is still needed, or revoke it.
                Decide by %s. What nobody decides by then follows the campaign's policy.

                Open your review:
                %s
                """.formatted(review.reviewerName(), count, review.campaignId().value(), due, link);
        String html = """
                <p>Hello %s,</p>
                <p><strong>%s</strong> wait for your review in campaign %s: for each, certify that it is still needed, or revoke it.</p>
                <p>Decide by %s. What nobody decides by then follows the campaign's policy.</p>
                <p><a href="%s">Open your review</a></p>
                """.formatted(Html.escape(review.reviewerName()), count, Html.escape(review.campaignId().value()), Html.escape(due),
                Html.escape(link.toString()));
        String key = "review/" + occasion + "/" + reviewId.value() + "/" + review.reviewerId().value()
                + (occasion == Occasion.REMINDER ? "/" + LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC) : "");
        outbox.enqueue(key, new Mail(review.reviewerEmail(), subject, text, html));
    }
}
