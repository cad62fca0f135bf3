package io.grantline.infra.web.home;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page after signing in: where to go next. */
@Controller
class HomeController {

    @GetMapping("/")
    String home(Authentication auth, Model model) {
        model.addAttribute("user", auth.getName());
        model.addAttribute("administrator", auth.getAuthorities().stream().anyMatch(a -> "ROLE_ADMINISTRATOR".equals(a.getAuthority())));
        return "home";
    }
}
