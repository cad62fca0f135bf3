package io.grantline.infra.links;

import io.grantline.infra.config.GrantlineProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The key that signs email links: {@code grantline.links.secret}, or one generated on the first start and kept in
 * the data directory (readable by its owner only), so links survive a restart. Every node of a cluster needs the same.
 */
@Component
class LinkSecret {

    private static final Logger log = LoggerFactory.getLogger(LinkSecret.class);

    private final byte[] key;

    LinkSecret(@Value("${grantline.links.secret:}") String configured, GrantlineProperties properties) {
        this.key = configured.isBlank() ? kept(properties.dataDir().resolve("link-secret")) : configured.getBytes(StandardCharsets.UTF_8);
        if (key.length < 32) {
            throw new IllegalStateException("grantline.links.secret must be at least 32 bytes long");
        }
    }

    byte[] key() {
        return key.clone();
    }

    private static byte[] kept(Path file) {
        try {
            if (Files.exists(file)) {
                return Base64.getDecoder().decode(Files.readString(file).trim());
            }
            byte[] generated = new byte[32];
            new SecureRandom().nextBytes(generated);
            Files.createDirectories(file.getParent());
            Files.writeString(file, Base64.getEncoder().encodeToString(generated));
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // best effort on file systems without POSIX permissions
            }
            log.info("Generated the email-link signing key in {}", file.toAbsolutePath());
            return generated;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the link secret " + file.toAbsolutePath(), e);
        }
    }
}
