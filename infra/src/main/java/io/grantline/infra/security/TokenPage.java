package io.grantline.infra.security;

import io.grantline.infra.web.pages.Forms;
import io.grantline.infra.web.pages.Page;
import io.grantline.infra.web.pages.Words;
import java.time.Duration;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** API tokens on a page: create one (shown once), see when each was last used, revoke. Through {@link ApiTokenController}. */
@Controller
@Page
class TokenPage {

    private static final List<Duration> LIFETIMES = List.of(Duration.ofDays(7), Duration.ofDays(30), Duration.ofDays(90), Duration.ofDays(365));

    private final ApiTokenController tokens;
    private final Words words;
    private final Forms forms;

    TokenPage(ApiTokenController tokens, Words words, Forms forms) {
        this.tokens = tokens;
        this.words = words;
        this.forms = forms;
    }

    @GetMapping("/tokens")
    String page(Authentication auth, Model model) {
        model.addAttribute("tokens", tokens.list(auth));
        model.addAttribute("lifetimes", LIFETIMES.stream().map(d -> words.durations(d, d).get(0)).toList());
        return "tokens";
    }

    @PostMapping("/tokens")
    String create(@RequestParam(required = false) String name, @RequestParam(required = false) String lifetime,
                  Authentication auth, RedirectAttributes flash) {
        return forms.attempt(flash, "/tokens", () -> {
            Duration chosen = LIFETIMES.stream().filter(d -> d.toString().equals(lifetime)).findFirst()
                    .orElseThrow(() -> new Forms.Invalid("Expires after", "choose one of the lifetimes offered"));
            ApiTokenController.CreateBody body = forms.valid(new ApiTokenController.CreateBody(name, words.now().plus(chosen)));
            ApiTokens.Created created = tokens.create(body, auth).getBody();
            flash.addFlashAttribute("created", created);
            return "redirect:/tokens";
        });
    }

    @PostMapping("/tokens/{id}/revoke")
    String revoke(@PathVariable String id, Authentication auth, RedirectAttributes flash) {
        return forms.attempt(flash, "/tokens", () -> {
            tokens.revoke(id, auth);
            flash.addFlashAttribute("notice", "The token is revoked; calls with it are refused from now on.");
            return "redirect:/tokens";
        });
    }
}
