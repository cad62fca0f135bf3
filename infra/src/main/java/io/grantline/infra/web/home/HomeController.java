package io.grantline.infra.web.home;

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
import java.util.List;
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
        } else {
            model.addAttribute("decisions", List.of());
            model.addAttribute("pending", List.of());
            model.addAttribute("grants", List.of());
        }
        return "home";
    }
}
