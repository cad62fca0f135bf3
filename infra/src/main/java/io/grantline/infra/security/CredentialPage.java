package io.grantline.infra.security;

import io.grantline.infra.web.pages.Forms;
import io.grantline.infra.web.pages.Page;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The administrator's "set a password" form, answered by {@link LocalCredentialController}'s rules. */
@Controller
@Page
class CredentialPage {

    private final LocalCredentialController credentials;
    private final Forms forms;

    CredentialPage(LocalCredentialController credentials, Forms forms) {
        this.credentials = credentials;
        this.forms = forms;
    }

    @PostMapping("/admin/identities/{id}/local-credential")
    String set(@PathVariable String id, @RequestParam(required = false) String password, RedirectAttributes flash) {
        return forms.attempt(flash, "/admin/identities", () -> {
            ResponseEntity<?> answer = credentials.set(id, forms.valid(new LocalCredentialController.CredentialBody(password)));
            if (answer.getBody() instanceof ProblemDetail problem) {
                throw new Forms.Invalid("Password", problem.getDetail());
            }
            flash.addFlashAttribute("notice", id + " can now sign in with that password.");
            return "redirect:/admin/identities";
        });
    }
}
