package io.grantline.infra.config;

import java.net.URI;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Grantline's own settings.
 *
 * @param publicUrl base of every link in an email
 * @param dataDir   where the embedded defaults keep their files (H2 database, read models, link secret);
 *                  {@code GRANTLINE_DATA_DIR} overrides it
 * @param embedded  settings of the in-process servers used when no external ones are configured
 */
@ConfigurationProperties("grantline")
public record GrantlineProperties(@DefaultValue("http://localhost:8080") URI publicUrl,
                                  @DefaultValue("./data") Path dataDir,
                                  @DefaultValue Embedded embedded) {

    /**
     * @param mongoInMemory keep the embedded read-model store in memory only (tests); otherwise it is a file under dataDir
     * @param smtpPort      port of the embedded SMTP server; 0 picks a free one
     */
    public record Embedded(@DefaultValue("false") boolean mongoInMemory, @DefaultValue("0") int smtpPort) {
    }
}
