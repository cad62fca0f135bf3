package io.grantline.workflow.settings;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param from the sender of every mail Grantline sends */
@ConfigurationProperties("grantline.mail")
public record MailSettings(@DefaultValue("grantline@localhost") String from) {
}
