package io.grantline.infra.compliance;

import io.grantline.infra.chain.ChainVerifier;
import io.grantline.infra.web.pages.ErrorPage;
import io.grantline.infra.web.pages.Forms;
import io.grantline.infra.web.pages.Names;
import io.grantline.infra.web.pages.Page;
import io.grantline.infra.web.pages.Words;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The compliance officer's page: who held it at an instant, a grant's or an identity's history as a timeline, whether
 * the record is intact, an evidence file, and who read what. Each answer comes from {@link ComplianceController} (so
 * every read is logged the same way) or the chain's verifier; instants are typed in the site's zone.
 */
@Controller
@Page
class CompliancePages {

    private final ComplianceController compliance;
    private final ChainVerifier verifier;
    private final HistoryWords history;
    private final Names names;
    private final Words words;

    CompliancePages(ComplianceController compliance, ChainVerifier verifier, HistoryWords history, Names names, Words words) {
        this.compliance = compliance;
        this.verifier = verifier;
        this.history = history;
        this.names = names;
        this.words = words;
    }

    @GetMapping("/compliance")
    String page(@RequestParam(required = false) String resource, @RequestParam(required = false) String entitlementId,
                @RequestParam(required = false) String at, @RequestParam(required = false) String verify,
                Authentication auth, Model model) {
        Instant now = words.now();
        model.addAttribute("resource", resource);
        model.addAttribute("entitlementId", entitlementId);
        model.addAttribute("at", at == null || at.isBlank() ? words.localInput(now) : at);
        model.addAttribute("entitlements", names.entitlements());
        model.addAttribute("names", names.catalog());
        model.addAttribute("exportFrom", words.localInput(now.minus(Duration.ofDays(30))));
        model.addAttribute("exportTo", words.localInput(now.plus(Duration.ofMinutes(1))));
        boolean asked = notBlank(resource) || notBlank(entitlementId);
        if (asked) {
            if (notBlank(resource) && notBlank(entitlementId)) {
                model.addAttribute("error", "Give a resource or an entitlement, not both.");
            } else {
                Instant instant = instant("At", at);
                // a minute-precise field: "this minute" means now, so a grant that began seconds ago counts
                instant = instant.equals(now.truncatedTo(ChronoUnit.MINUTES)) ? now : instant;
                model.addAttribute("answer", compliance.access(notBlank(entitlementId) ? entitlementId.strip() : null,
                        notBlank(resource) ? resource.strip() : null, instant.toString(), null, auth));
            }
        }
        if (verify != null) {
            model.addAttribute("verification", verifier.verify());
        }
        model.addAttribute("readLog", compliance.readLog().stream().limit(20)
                .map(entry -> new ComplianceReadLog.Entry(entry.id(), entry.reader(), history.inWords(entry.subject()), entry.readAt()))
                .toList());
        return "compliance";
    }

    @GetMapping("/compliance/grants/{grantId}/history")
    String grantHistory(@PathVariable String grantId, Authentication auth, Model model) {
        ComplianceController.GrantHistory answer = compliance.grantHistory(grantId, auth);
        model.addAttribute("title", "History of grant " + grantId);
        model.addAttribute("lines", history.timeline(answer.events()));
        return "history";
    }

    @GetMapping("/compliance/identities/{id}/history")
    String identityHistory(@PathVariable String id, Authentication auth, Model model) {
        ComplianceController.IdentityHistory answer = compliance.identityHistory(id, auth);
        model.addAttribute("title", "History of " + names.catalog().person(io.grantline.api.identity.IdentityId.of(id)) + " (" + id + ")");
        model.addAttribute("lines", history.timeline(answer.events()));
        return "history";
    }

    @GetMapping("/compliance/identity-history")
    String identityHistoryForm(@RequestParam(required = false) String identityId) {
        if (!notBlank(identityId)) {
            throw new Forms.Invalid("Identity", "name the identity whose history you want");
        }
        return "redirect:/compliance/identities/" + io.grantline.api.identity.IdentityId.of(identityId.strip()).value() + "/history";
    }

    /** The evidence file of a period typed in the site's zone, streamed as the API streams it. */
    @GetMapping("/compliance/export")
    void export(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                @RequestParam(required = false) String format, Authentication auth, HttpServletResponse response) throws IOException {
        compliance.export(instant("From", from).toString(), instant("To", to).toString(), format, auth, response);
    }

    @ExceptionHandler(ComplianceController.BadParameter.class)
    ModelAndView badParameter(ComplianceController.BadParameter e) {
        return ErrorPage.of(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    private Instant instant(String field, String value) {
        Instant instant = words.fromLocalInput(value);
        if (instant == null) {
            throw new Forms.Invalid(field, "give a date and a time");
        }
        return instant;
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }
}
