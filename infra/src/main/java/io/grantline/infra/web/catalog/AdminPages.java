package io.grantline.infra.web.catalog;

import io.grantline.api.entitlement.ChangeEntitlementPolicy;
import io.grantline.api.entitlement.EntitlementId;
import io.grantline.api.entitlement.PrivilegeLevel;
import io.grantline.api.entitlement.RetireEntitlement;
import io.grantline.api.entitlement.RiskTier;
import io.grantline.api.identity.IdentityId;
import io.grantline.api.identity.IdentityKind;
import io.grantline.api.identity.Role;
import io.grantline.infra.web.pages.Forms;
import io.grantline.infra.web.pages.Names;
import io.grantline.infra.web.pages.Page;
import io.grantline.infra.web.pages.ReadSide;
import io.grantline.infra.web.pages.Words;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The catalog as forms, for administrators and security operators: register identities and give them roles, mark
 * them compromised or departed, hand a non-human identity to a new owner, define, re-tier and retire entitlements. Each
 * form builds the API's own body and sends it through {@link IdentityController} or {@link EntitlementController}
 * (changing a policy and retiring, which the API does not offer, send their commands; the aggregate keeps the rules);
 * who may post which form is in SecurityConfiguration's table.
 */
@Controller
@Page
class AdminPages {

    private static final String IDENTITIES = "/admin/identities";
    private static final String ENTITLEMENTS = "/admin/entitlements";

    private final IdentityController identities;
    private final EntitlementController entitlements;
    private final Names names;
    private final Words words;
    private final Forms forms;
    private final CommandGateway commands;

    AdminPages(IdentityController identities, EntitlementController entitlements, Names names, Words words, Forms forms,
               CommandGateway commands) {
        this.commands = commands;
        this.identities = identities;
        this.entitlements = entitlements;
        this.names = names;
        this.words = words;
        this.forms = forms;
    }

    @GetMapping(IDENTITIES)
    String identities(Model model) {
        model.addAttribute("identities", names.identities());
        model.addAttribute("kinds", IdentityKind.values());
        model.addAttribute("roles", Role.values());
        return "admin-identities";
    }

    @PostMapping(IDENTITIES)
    String register(@RequestParam(required = false) String id, @RequestParam(required = false) IdentityKind kind,
                    @RequestParam(required = false) String displayName, @RequestParam(required = false) String email,
                    @RequestParam(required = false) String managerId, @RequestParam(required = false) String ownerId,
                    @RequestParam(required = false) List<Role> roles, RedirectAttributes flash) {
        return forms.attempt(flash, IDENTITIES, () -> {
            RegisterIdentityRequest body = forms.valid(new RegisterIdentityRequest(identity("Id", id), kind, Forms.blankToNull(displayName),
                    Forms.blankToNull(email), optionalIdentity(managerId), optionalIdentity(ownerId), roles, false, null, null, null));
            identities.register(body);
            ReadSide.awaitVisible(() -> visible(body.id()));
            flash.addFlashAttribute("notice", "Registered " + body.id().value() + ".");
            return "redirect:" + IDENTITIES;
        });
    }

    @PostMapping(IDENTITIES + "/{id}/roles")
    String roles(@PathVariable String id, @RequestParam(required = false) List<Role> roles, RedirectAttributes flash) {
        return forms.attempt(flash, IDENTITIES, () -> {
            identities.roles(id, forms.valid(new IdentityController.RolesBody(roles == null ? List.of() : roles)));
            flash.addFlashAttribute("notice", "Roles of " + id + " changed; they count from the next sign-in or call.");
            return "redirect:" + IDENTITIES;
        });
    }

    @PostMapping(IDENTITIES + "/{id}/compromised")
    String compromised(@PathVariable String id, @RequestParam(required = false) String reason, RedirectAttributes flash) {
        return forms.attempt(flash, IDENTITIES, () -> {
            identities.compromised(id, forms.valid(new IdentityController.ReasonBody(Forms.blankToNull(reason))));
            flash.addFlashAttribute("notice", id + " is marked compromised: every grant is revoked, sign-in and API tokens stop.");
            return "redirect:" + IDENTITIES;
        });
    }

    @PostMapping(IDENTITIES + "/{id}/departure")
    String departure(@PathVariable String id, @RequestParam(required = false) String reason, RedirectAttributes flash) {
        return forms.attempt(flash, IDENTITIES, () -> {
            identities.departure(id, forms.valid(new IdentityController.ReasonBody(Forms.blankToNull(reason))));
            flash.addFlashAttribute("notice", id + " has left: the leaver process revokes their access.");
            return "redirect:" + IDENTITIES;
        });
    }

    @PostMapping(IDENTITIES + "/{id}/suspension")
    String suspension(@PathVariable String id, @RequestParam(required = false) String reason, RedirectAttributes flash) {
        return forms.attempt(flash, IDENTITIES, () -> {
            identities.suspension(id, forms.valid(new IdentityController.ReasonBody(Forms.blankToNull(reason))));
            flash.addFlashAttribute("notice", id + " is suspended: sign-in, requests and decisions stop; grants stay.");
            return "redirect:" + IDENTITIES;
        });
    }

    @PostMapping(IDENTITIES + "/{id}/reinstate")
    String reinstate(@PathVariable String id, @RequestParam(required = false) String reason, RedirectAttributes flash) {
        return forms.attempt(flash, IDENTITIES, () -> {
            identities.reinstate(id, forms.valid(new IdentityController.ReasonBody(Forms.blankToNull(reason))));
            flash.addFlashAttribute("notice", id + " is active again; no grant comes back by itself.");
            return "redirect:" + IDENTITIES;
        });
    }

    @PostMapping(IDENTITIES + "/{id}/owner")
    String owner(@PathVariable String id, @RequestParam(required = false) String ownerId, RedirectAttributes flash) {
        return forms.attempt(flash, IDENTITIES, () -> {
            identities.owner(id, forms.valid(new IdentityController.OwnerBody(optionalIdentity(ownerId))));
            flash.addFlashAttribute("notice", id + " now has " + ownerId + " as its owner.");
            return "redirect:" + IDENTITIES;
        });
    }

    /** The sponsorship of an external person handed to another sponsor, renewed or cut short, as PUT .../sponsor. */
    @PostMapping(IDENTITIES + "/{id}/sponsor")
    String sponsor(@PathVariable String id, @RequestParam(required = false) String sponsorId, @RequestParam(required = false) String endsAt,
                   RedirectAttributes flash) {
        return forms.attempt(flash, IDENTITIES, () -> {
            IdentityController.SponsorBody body = forms.valid(new IdentityController.SponsorBody(optionalIdentity(sponsorId),
                    Forms.instant("Sponsored until", endsAt)));
            identities.sponsor(id, body);
            flash.addFlashAttribute("notice", id + " is sponsored by " + body.sponsorId().value() + " until " + words.instant(body.endsAt()) + ".");
            return "redirect:" + IDENTITIES;
        });
    }

    @GetMapping(ENTITLEMENTS)
    String entitlements(Model model) {
        model.addAttribute("entitlements", names.entitlements());
        model.addAttribute("people", names.identities().stream().filter(i -> i.kind() == IdentityKind.HUMAN).toList());
        model.addAttribute("levels", PrivilegeLevel.values());
        model.addAttribute("risks", RiskTier.values());
        model.addAttribute("durations", words.durations(Duration.ofMinutes(15), Duration.ofDays(365)));
        model.addAttribute("names", names.catalog());
        return "admin-entitlements";
    }

    @PostMapping(ENTITLEMENTS)
    String define(@RequestParam(required = false) String id, @RequestParam(required = false) String resource,
                  @RequestParam(required = false) String system, @RequestParam(required = false) String zone,
                  @RequestParam(required = false) PrivilegeLevel level, @RequestParam(required = false) RiskTier risk,
                  @RequestParam(required = false) String ownerId, @RequestParam(required = false) String maxDuration,
                  @RequestParam(required = false) List<String> sodConflicts, RedirectAttributes flash) {
        return forms.attempt(flash, ENTITLEMENTS, () -> {
            if (id == null || id.isBlank()) {
                throw new Forms.Invalid("Id", "give the entitlement an id, e.g. plc-7-operate");
            }
            DefineEntitlementRequest body = forms.valid(new DefineEntitlementRequest(EntitlementId.of(id.strip()), Forms.blankToNull(resource),
                    Forms.blankToNull(system), Forms.blankToNull(zone), level, risk, optionalIdentity(ownerId), Forms.duration("Longest grant", maxDuration),
                    sodConflicts == null ? List.of() : sodConflicts.stream().filter(s -> !s.isBlank()).map(EntitlementId::of).toList(),
                    null));
            entitlements.define(body);
            ReadSide.awaitVisible(() -> names.entitlements().stream().filter(e -> e.id().equals(body.id())).findFirst());
            flash.addFlashAttribute("notice", "Defined " + body.id().value() + ".");
            return "redirect:" + ENTITLEMENTS;
        });
    }

    /** A new risk tier, longest grant and conflicts: the aggregate decides what may change. */
    @PostMapping(ENTITLEMENTS + "/{id}/policy")
    String policy(@PathVariable String id, @RequestParam(required = false) RiskTier risk,
                  @RequestParam(required = false) String maxDuration, @RequestParam(required = false) List<String> sodConflicts,
                  RedirectAttributes flash) {
        return forms.attempt(flash, ENTITLEMENTS, () -> {
            if (risk == null) {
                throw new Forms.Invalid("Risk", "choose a risk tier");
            }
            Duration longest = Forms.duration("Longest grant", maxDuration);
            if (longest == null) {
                throw new Forms.Invalid("Longest grant", "choose one of the durations offered");
            }
            commands.sendAndWait(new ChangeEntitlementPolicy(EntitlementId.of(id), risk, longest, sodConflicts == null ? Set.of()
                    : sodConflicts.stream().filter(s -> !s.isBlank()).map(EntitlementId::of).collect(Collectors.toSet())));
            flash.addFlashAttribute("notice", "Policy of " + id + " changed; it applies to requests filed from now on.");
            return "redirect:" + ENTITLEMENTS;
        });
    }

    /** Retires an entitlement: nobody may request it any more. */
    @PostMapping(ENTITLEMENTS + "/{id}/retire")
    String retire(@PathVariable String id, @RequestParam(required = false) String reason, RedirectAttributes flash) {
        return forms.attempt(flash, ENTITLEMENTS, () -> {
            IdentityController.ReasonBody body = forms.valid(new IdentityController.ReasonBody(Forms.blankToNull(reason)));
            commands.sendAndWait(new RetireEntitlement(EntitlementId.of(id), body.reason()));
            flash.addFlashAttribute("notice", id + " is retired.");
            return "redirect:" + ENTITLEMENTS;
        });
    }

    private Optional<Boolean> visible(IdentityId id) {
        return names.identities().stream().anyMatch(i -> i.id().equals(id)) ? Optional.of(true) : Optional.empty();
    }

    private static IdentityId identity(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new Forms.Invalid(field, "is required");
        }
        return IdentityId.of(value.strip());
    }

    private static IdentityId optionalIdentity(String value) {
        return value == null || value.isBlank() ? null : IdentityId.of(value.strip());
    }
}
