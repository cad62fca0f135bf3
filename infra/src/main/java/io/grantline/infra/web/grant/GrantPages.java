package io.grantline.infra.web.grant;

import io.grantline.infra.web.Callers;
import io.grantline.infra.web.pages.Names;
import io.grantline.infra.web.pages.Page;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** What I hold and until when; overseers see everyone's, filtered. Reads through {@link GrantController}. */
@Controller
@Page
class GrantPages {

    private final GrantController grants;
    private final Names names;

    GrantPages(GrantController grants, Names names) {
        this.grants = grants;
        this.names = names;
    }

    @GetMapping("/grants")
    String list(@RequestParam(required = false) String identityId, @RequestParam(required = false) String resource,
                @RequestParam(required = false) GrantController.StatusFilter status, Authentication auth, Model model) {
        boolean overseer = Callers.overseer(auth);
        GrantController.StatusFilter shown = status == null ? GrantController.StatusFilter.ACTIVE : status;
        model.addAttribute("grants", grants.list(overseer ? blankToNull(identityId) : null, null, blankToNull(resource), shown, auth));
        model.addAttribute("overseer", overseer);
        model.addAttribute("identityId", identityId);
        model.addAttribute("resource", resource);
        model.addAttribute("status", shown);
        model.addAttribute("names", names.catalog());
        return "grants";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
