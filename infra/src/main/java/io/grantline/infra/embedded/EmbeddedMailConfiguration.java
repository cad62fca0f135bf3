package io.grantline.infra.embedded;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.grantline.infra.config.GrantlineProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Mail when no {@code spring.mail.host} is given: an in-process SMTP server whose mailbox is shown at {@code /mailbox},
 * so a person trying Grantline can open every mail and click its links. Mail kept there is lost on restart.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression(EmbeddedMailConfiguration.WHEN_EMBEDDED)
public class EmbeddedMailConfiguration {

    /** True when no external SMTP server is configured. */
    public static final String WHEN_EMBEDDED = "'${spring.mail.host:}'.isEmpty()";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMailConfiguration.class);

    @Bean(destroyMethod = "stop")
    GreenMail embeddedSmtpServer(GrantlineProperties properties) {
        ServerSetup smtp = new ServerSetup(properties.embedded().smtpPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        if (properties.embedded().smtpPort() == 0) {
            smtp = smtp.dynamicPort();
        }
        GreenMail server = new GreenMail(smtp);
        server.start();
        log.info("Embedded SMTP server on 127.0.0.1:{}; its mailbox is at /mailbox", server.getSmtp().getPort());
        return server;
    }

    @Bean
    JavaMailSenderImpl mailSender(GreenMail embeddedSmtpServer) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(embeddedSmtpServer.getSmtp().getPort());
        sender.setDefaultEncoding("UTF-8");
        return sender;
    }
}
