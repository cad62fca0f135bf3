package io.grantline.infra.chain;

import io.grantline.infra.config.GrantlineProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The Ed25519 key that signs checkpoint heads and export manifests. It lives outside the database, so that whoever can
 * write the database cannot sign a rewritten history: {@code grantline.chain.signing-key} names a PEM file holding the
 * private key (PKCS#8) and its public key (every node of a cluster gets the same file); unset, the key is
 * {@code chain-signing-key.pem} in the data directory, generated on the first start into a file created readable by its
 * owner only before any byte is written.
 */
@Component
public class ChainSigningKey {

    static final String DEFAULT_FILE = "chain-signing-key.pem";

    private static final Logger log = LoggerFactory.getLogger(ChainSigningKey.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final String keyId;

    ChainSigningKey(ChainProperties properties, GrantlineProperties grantline) {
        KeyPair pair = properties.signingKey() != null
                ? configured(properties.signingKey())
                : kept(grantline.dataDir().resolve(DEFAULT_FILE));
        this.privateKey = pair.getPrivate();
        this.publicKey = pair.getPublic();
        this.keyId = Ed25519Keys.keyId(publicKey);
        log.info("Chain heads are signed with Ed25519 key {}; public key (also at GET /api/compliance/public-key): {}",
                keyId, java.util.Base64.getEncoder().encodeToString(publicKey.getEncoded()));
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    public String keyId() {
        return keyId;
    }

    String sign(String statement) {
        return Ed25519Keys.sign(privateKey, statement);
    }

    /** A configured key must exist: a node that generated its own would sign heads no other node can vouch for. */
    private static KeyPair configured(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("grantline.chain.signing-key names no file: " + file.toAbsolutePath());
        }
        return read(file);
    }

    private static KeyPair kept(Path file) {
        if (Files.exists(file)) {
            return read(file);
        }
        try {
            KeyPair generated = KeyPairGenerator.getInstance(Ed25519Keys.ALGORITHM).generateKeyPair();
            Files.createDirectories(file.toAbsolutePath().getParent());
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } else {
                Files.createFile(file);
            }
            Files.writeString(file, Ed25519Keys.privateKeyPem(generated.getPrivate())
                    + Ed25519Keys.publicKeyPem(generated.getPublic()), StandardCharsets.US_ASCII);
            log.info("Generated the chain signing key in {}; back it up outside the database, and give every node the same",
                    file.toAbsolutePath());
            return generated;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the chain signing key " + file.toAbsolutePath(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java runtime has no Ed25519", e);
        }
    }

    private static KeyPair read(Path file) {
        try {
            warnIfOthersMayRead(file);
            String pem = Files.readString(file, StandardCharsets.US_ASCII);
            int publicStart = pem.indexOf("-----BEGIN PUBLIC KEY-----");
            int privateStart = pem.indexOf("-----BEGIN PRIVATE KEY-----");
            if (publicStart < 0 || privateStart < 0) {
                throw new IllegalStateException("the chain signing key " + file.toAbsolutePath() + " must hold a PRIVATE KEY"
                        + " and its PUBLIC KEY (openssl genpkey -algorithm ed25519 -out k.pem && openssl pkey -in k.pem -pubout >> k.pem)");
            }
            PrivateKey key = Ed25519Keys.readPrivateKey(block(pem, privateStart));
            PublicKey publicKey = Ed25519Keys.readPublicKey(block(pem, publicStart));
            if (!Ed25519Keys.verify(publicKey, "grantline", Ed25519Keys.sign(key, "grantline"))) {
                throw new IllegalStateException("the public key in " + file.toAbsolutePath() + " is not the private key's");
            }
            return new KeyPair(publicKey, key);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the chain signing key " + file.toAbsolutePath(), e);
        }
    }

    private static String block(String pem, int start) {
        int end = pem.indexOf("-----END", start);
        return pem.substring(start, pem.indexOf('\n', end) < 0 ? pem.length() : pem.indexOf('\n', end));
    }

    private static void warnIfOthersMayRead(Path file) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                && !OWNER_ONLY.containsAll(Files.getPosixFilePermissions(file))) {
            log.warn("The chain signing key {} is readable by others than its owner; make it owner-only (chmod 600)",
                    file.toAbsolutePath());
        }
    }
}
