package io.grantline.infra.web.request;

import io.grantline.api.entitlement.EntitlementId;
import io.grantline.api.entitlement.EntitlementSummary;
import io.grantline.api.grant.FindGrant;
import io.grantline.api.grant.GrantId;
import io.grantline.api.grant.GrantSummary;
import io.grantline.api.identity.IdentityId;
import io.grantline.api.identity.IdentityKind;
import io.grantline.api.identity.IdentityStatus;
import io.grantline.api.identity.IdentitySummary;
import io.grantline.api.request.AccessRequestStatus;
import io.grantline.api.request.AccessRequestSummary;
import io.grantline.api.request.FindAccessRequest;
import io.grantline.infra.web.Callers;
import io.grantline.infra.web.pages.Forms;
import io.grantline.infra.web.pages.Names;
import io.grantline.infra.web.pages.Page;
import io.grantline.infra.web.pages.ReadSide;
import io.grantline.infra.web.pages.Words;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The requester's pages: file a request, follow it, cancel it. Every read and command goes through
 * {@link AccessRequestController}, so who may read or cancel what is decided in one place.
 */
@Controller
@Page
class RequestPages {

    private final AccessRequestController requests;
    private final QueryGateway queries;
    private final Names names;
    private final Words words;
    private final Forms forms;
    private final Duration minimumDuration;

    RequestPages(AccessRequestController requests, QueryGateway queries, Names names, Words words, Forms forms,
                 @Value("${grantline.policy.minimum-duration:PT15M}") Duration minimumDuration) {
        this.requests = requests;
        this.queries = queries;
        this.names = names;
        this.words = words;
        this.forms = forms;
        this.minimumDuration = minimumDuration;
    }

    /** The catalog, searchable by resource, system, zone and risk; the identities the caller may request for. */
    @GetMapping("/requests/new")
    String form(@RequestParam(required = false) String q, @RequestParam(required = false) String entitlement,
                @RequestParam(name = "extends", required = false) String extendsGrant, Authentication auth, Model model) {
        IdentityId me = Callers.identity(auth);
        String search = q == null ? "" : q.strip().toLowerCase(Locale.ROOT);
        List<EntitlementSummary> catalog = names.entitlements().stream()
                .filter(e -> !e.retired())
                .filter(e -> search.isEmpty() || (e.resource() + " " + e.system() + " " + e.zone() + " " + e.risk() + " " + e.id().value())
                        .toLowerCase(Locale.ROOT).contains(search))
                .sorted(Comparator.comparing(EntitlementSummary::resource).thenComparing(e -> e.id().value()))
                .toList();
        List<IdentitySummary> owned = names.identities().stream()
                .filter(i -> i.kind() != IdentityKind.HUMAN && me.equals(i.ownerId()) && i.status() == IdentityStatus.ACTIVE)
                .toList();
        Duration longest = catalog.stream().map(EntitlementSummary::maxDuration).max(Comparator.naturalOrder()).orElse(Duration.ofHours(8));
        Duration maximum = catalog.stream().filter(e -> e.id().value().equals(entitlement)).map(EntitlementSummary::maxDuration)
                .findFirst().orElse(longest);
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("selected", entitlement);
        model.addAttribute("extends", extendsGrant == null || extendsGrant.isBlank() ? null : extendsGrant);
        model.addAttribute("catalog", catalog);
        model.addAttribute("owned", owned);
        List<Words.Choice> choices = new java.util.ArrayList<>(words.durations(minimumDuration, maximum.compareTo(minimumDuration) < 0 ? minimumDuration : maximum));
        // each entitlement's own maximum is a choice too, so a person can always ask for all they may have
        catalog.stream().map(EntitlementSummary::maxDuration).distinct().filter(d -> d.compareTo(maximum) < 0 && d.compareTo(minimumDuration) >= 0)
                .forEach(d -> choices.addAll(words.durations(d, d)));
        model.addAttribute("durations", choices.stream().collect(java.util.stream.Collectors.toMap(Words.Choice::value, c -> c, (a, b) -> a,
                java.util.LinkedHashMap::new)).values().stream().sorted(Comparator.comparingLong(Words.Choice::minutes)).toList());
        return "request-new";
    }

    @PostMapping("/requests")
    String file(@RequestParam(required = false) String entitlementId, @RequestParam(required = false) String beneficiaryId,
                @RequestParam(required = false) String justification, @RequestParam(required = false) String ticket,
                @RequestParam(required = false) String duration, @RequestParam(defaultValue = "false") boolean emergency,
                @RequestParam(required = false) String password, @RequestParam(required = false) String extendsGrantId,
                @RequestParam(required = false) String sodExceptionReason,
                Authentication auth, HttpServletRequest http, RedirectAttributes flash) {
        boolean extension = extendsGrantId != null && !extendsGrantId.isBlank();
        String back = "/requests/new" + (entitlementId == null || entitlementId.isBlank() ? ""
                : "?entitlement=" + entitlementId + (extension ? "&extends=" + extendsGrantId : ""));
        return forms.attempt(flash, back, () -> {
            if (entitlementId == null || entitlementId.isBlank()) {
                throw new Forms.Invalid("Entitlement", "choose the access you need");
            }
            AccessRequestController.FileRequestBody body = forms.valid(new AccessRequestController.FileRequestBody(
                    beneficiaryId == null || beneficiaryId.isBlank() ? null : IdentityId.of(beneficiaryId),
                    EntitlementId.of(entitlementId), Forms.blankToNull(justification), Forms.blankToNull(ticket), Forms.duration("Duration", duration), emergency,
                    extension ? GrantId.of(extendsGrantId) : null, Forms.blankToNull(sodExceptionReason)));
            if (body.justification() == null) {
                throw new Forms.Invalid("Justification", "say why you need this access");
            }
            String id = requests.file(body, auth, http, emergency ? password : null).getBody().id();
            ReadSide.awaitVisible(() -> find(id));
            flash.addFlashAttribute("notice", emergency
                    ? "Your break-glass request is filed: it is granted in a moment, and reviewed afterwards."
                    : extension ? "Your request for more time is filed. The approvers have been asked."
                    : "Your request is filed. The approvers have been asked.");
            return "redirect:/requests/" + id;
        });
    }

    @GetMapping("/requests")
    String list(@RequestParam(required = false) AccessRequestStatus status, Authentication auth, Model model) {
        model.addAttribute("requests", requests.list(null, status, auth));
        model.addAttribute("status", status);
        model.addAttribute("statuses", AccessRequestStatus.values());
        model.addAttribute("names", names.catalog());
        model.addAttribute("overseer", Callers.overseer(auth));
        return "requests";
    }

    @GetMapping("/requests/{id}")
    String show(@PathVariable String id, Authentication auth, Model model) {
        AccessRequestSummary request = requests.get(id, auth);
        model.addAttribute("request", request);
        model.addAttribute("names", names.catalog());
        model.addAttribute("grant", request.grantId() == null ? null
                : queries.query(new FindGrant(request.grantId()), ResponseTypes.optionalInstanceOf(GrantSummary.class)).join().orElse(null));
        model.addAttribute("mayCancel", request.status() == AccessRequestStatus.PENDING
                && request.requesterId().value().equals(auth.getName()));
        model.addAttribute("mayReadHistory", Callers.has(auth, io.grantline.api.identity.Role.ADMINISTRATOR)
                || Callers.has(auth, io.grantline.api.identity.Role.COMPLIANCE_OFFICER));
        return "request";
    }

    @PostMapping("/requests/{id}/cancel")
    String cancel(@PathVariable String id, Authentication auth, RedirectAttributes flash) {
        return forms.attempt(flash, "/requests/" + id, () -> {
            requests.cancel(id, auth);
            ReadSide.awaitVisible(() -> find(id).filter(r -> r.status() != AccessRequestStatus.PENDING));
            flash.addFlashAttribute("notice", "The request is cancelled.");
            return "redirect:/requests/" + id;
        });
    }

    private Optional<AccessRequestSummary> find(String id) {
        return queries.query(new FindAccessRequest(io.grantline.api.request.AccessRequestId.of(id)),
                ResponseTypes.optionalInstanceOf(AccessRequestSummary.class)).join();
    }
}
