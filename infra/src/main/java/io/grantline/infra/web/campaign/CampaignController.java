package io.grantline.infra.web.campaign;

import io.grantline.api.campaign.CampaignId;
import io.grantline.api.campaign.CampaignItem;
import io.grantline.api.campaign.CampaignReport;
import io.grantline.api.campaign.FindCampaign;
import io.grantline.api.campaign.ListCampaignItems;
import io.grantline.api.campaign.ListReviewerCompletion;
import io.grantline.api.campaign.ReviewerCompletion;
import io.grantline.infra.web.Accepted;
import io.grantline.infra.web.NotFound;
import jakarta.validation.Valid;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Launching recertification campaigns and their reports: counts, per-reviewer completion, every item as CSV. */
@RestController
@RequestMapping("/api/campaigns")
class CampaignController {

    private final CommandGateway commands;
    private final QueryGateway queries;

    CampaignController(CommandGateway commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @PostMapping
    ResponseEntity<Accepted> launch(@Valid @RequestBody LaunchCampaignRequest body) {
        CampaignId id = body.id() == null ? CampaignId.random() : body.id();
        commands.sendAndWait(body.toCommand(id));
        return Accepted.at("/api/campaigns", id.value());
    }

    @GetMapping("/{id}")
    CampaignReport report(@PathVariable String id) {
        return queries.query(new FindCampaign(CampaignId.of(id)), ResponseTypes.optionalInstanceOf(CampaignReport.class)).join()
                .orElseThrow(() -> new NotFound("campaign '" + id + "'"));
    }

    /** Per reviewer: items, decided, and the rubber-stamp flag (many certifications within seconds). */
    @GetMapping("/{id}/reviewers")
    List<ReviewerCompletion> reviewers(@PathVariable String id) {
        report(id);
        return queries.query(new ListReviewerCompletion(CampaignId.of(id)), ResponseTypes.multipleInstancesOf(ReviewerCompletion.class))
                .join();
    }

    /** Every item with its decision, reviewer, time and comment, as CSV (RFC 4180). */
    @GetMapping(value = "/{id}/items", produces = "text/csv")
    ResponseEntity<String> items(@PathVariable String id) {
        report(id);
        List<CampaignItem> items = queries.query(new ListCampaignItems(CampaignId.of(id)),
                ResponseTypes.multipleInstancesOf(CampaignItem.class)).join();
        StringBuilder csv = new StringBuilder("itemId,grantId,identityId,entitlementId,risk,reviewerId,decision,decidedBy,decidedAt,channel,comment\r\n");
        for (CampaignItem item : items) {
            csv.append(CampaignCsv.row(item.itemId().value(), item.grantId().value(), item.identityId().value(),
                    item.entitlementId().value(), item.risk().name(), item.reviewerId() == null ? "" : item.reviewerId().value(),
                    item.decision() == null ? "" : item.decision().name(), item.decidedBy() == null ? "" : item.decidedBy().value(),
                    item.decidedAt() == null ? "" : item.decidedAt().toString(), item.channel() == null ? "" : item.channel().name(),
                    item.comment() == null ? "" : item.comment()));
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"campaign-" + id + "-items.csv\"")
                .body(csv.toString());
    }
}
