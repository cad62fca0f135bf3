package io.grantline.infra.web.pages;

import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.ModelAndView;

/** Grantline's error page ({@code templates/error.html}), the same one Spring Boot's /error renders. */
public final class ErrorPage {

    private ErrorPage() {
    }

    public static ModelAndView of(HttpStatus status, String detail) {
        ModelAndView page = new ModelAndView("error", status);
        page.addObject("status", status.value());
        page.addObject("detail", detail);
        return page;
    }
}
