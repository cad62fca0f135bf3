package io.grantline.infra.web.pages;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Grantline's own sign-in page (the form posts to Spring Security's /login). */
@Controller
@Page
class LoginPage {

    @GetMapping("/login")
    String login() {
        return "login";
    }
}
