package io.grantline.infra.web.pages;

import io.grantline.workflow.words.PlainWords;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The site's display zone ({@code grantline.display-zone}, default the JVM's), shared by pages and mails. */
@Configuration(proxyBeanMethods = false)
class WordsConfiguration {

    @Bean
    PlainWords plainWords(@Value("${grantline.display-zone:}") String zone) {
        return new PlainWords(zone == null || zone.isBlank() ? ZoneId.systemDefault() : ZoneId.of(zone));
    }
}
