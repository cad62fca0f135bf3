package io.grantline.infra.web.home;

import io.grantline.api.campaign.CampaignId;
import io.grantline.api.campaign.ListReviewInbox;
import io.grantline.api.campaign.ReviewInboxItem;
import io.grantline.api.grant.GrantSummary;
import io.grantline.api.grant.ListGrants;
import io.grantline.api.identity.IdentityId;
import io.grantline.api.request.AccessRequestStatus;
import io.grantline.api.request.AccessRequestSummary;
import io.grantline.api.request.ApprovalInboxItem;
import io.grantline.api.request.ListAccessRequests;
import io.grantline.api.request.ListApprovalInbox;
import io.grantline.infra.web.pages.Names;
import io.grantline.infra.web.pages.Page;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page after signing in: what waits for me, what I asked for, what I hold, and where to go next. */
@Controller
@Page
class HomeController {

    private final QueryGateway queries;
    private final Names names;

    HomeController(QueryGateway queries, Names names) {
        this.queries = queries;
        this.names = names;
    }

    @GetMapping("/")
    String home(Authentication auth, Model model) {
        boolean identity = auth.getAuthorities().stream().anyMatch(a -> "ROLE_IDENTITY".equals(a.getAuthority()));
        model.addAttribute("identity", identity);
        model.addAttribute("names", names.catalog());
        if (identity) {
            IdentityId me = IdentityId.of(auth.getName());
            model.addAttribute("decisions", queries.query(new ListApprovalInbox(me),
                    ResponseTypes.multipleInstancesOf(ApprovalInboxItem.class)).join());
            model.addAttribute("pending", queries.query(new ListAccessRequests(me, AccessRequestStatus.PENDING),
                    ResponseTypes.multipleInstancesOf(AccessRequestSummary.class)).join());
            model.addAttribute("grants", queries.query(new ListGrants(me, null, null, false),
                    ResponseTypes.multipleInstancesOf(GrantSummary.class)).join());
            model.addAttribute("reviews", reviewsDue(queries.query(new ListReviewInbox(me),
                    ResponseTypes.multipleInstancesOf(ReviewInboxItem.class)).join()));
        } else {
            model.addAttribute("reviews", List.of());
            model.addAttribute("decisions", List.of());
            model.addAttribute("pending", List.of());
            model.addAttribute("grants", List.of());
        }
        return "home";
    }

    /** A campaign's open items of mine: how many, and by when (the earliest due date of them). */
    record ReviewsDue(CampaignId campaignId, int items, Instant dueAt) {
    }

    private static List<ReviewsDue> reviewsDue(List<ReviewInboxItem> inbox) {
        Map<CampaignId, ReviewsDue> byCampaign = new TreeMap<>();
        for (ReviewInboxItem item : inbox) {
            byCampaign.merge(item.campaignId(), new ReviewsDue(item.campaignId(), 1, item.dueAt()), (a, b) -> new ReviewsDue(
                    a.campaignId(), a.items() + 1, a.dueAt().isBefore(b.dueAt()) ? a.dueAt() : b.dueAt()));
        }
        return byCampaign.values().stream().sorted(Comparator.comparing(ReviewsDue::dueAt)).toList();
    }
}
