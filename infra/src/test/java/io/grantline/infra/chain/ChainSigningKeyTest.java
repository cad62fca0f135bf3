package io.grantline.infra.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grantline.infra.config.GrantlineProperties;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The signing key lives outside the database, readable by its owner only, and the same one comes back at every start. */
class ChainSigningKeyTest {

    @TempDir
    Path dataDir;

    @Test
    void aKeyIsGeneratedOnTheFirstStartIntoAnOwnerOnlyFileAndKept() throws Exception {
        ChainSigningKey first = key(null);
        Path file = dataDir.resolve(ChainSigningKey.DEFAULT_FILE);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.readString(file)).contains("-----BEGIN PRIVATE KEY-----", "-----BEGIN PUBLIC KEY-----");
        ChainSigningKey again = key(null);
        assertThat(again.keyId()).isEqualTo(first.keyId());
        assertThat(Ed25519Keys.verify(first.publicKey(), "head", again.sign("head"))).isTrue();
    }

    @Test
    void aConfiguredKeyIsUsedAndAMissingOneStopsTheStart() throws Exception {
        ChainSigningKey generated = key(null);
        Path supplied = dataDir.resolve("cluster-key.pem");
        Files.move(dataDir.resolve(ChainSigningKey.DEFAULT_FILE), supplied);

        assertThat(key(supplied).keyId()).isEqualTo(generated.keyId());
        assertThat(Files.exists(dataDir.resolve(ChainSigningKey.DEFAULT_FILE))).as("none generated beside it").isFalse();
        assertThatThrownBy(() -> key(dataDir.resolve("missing.pem"))).hasMessageContaining("grantline.chain.signing-key");
    }

    @Test
    void aKeyFileWithoutItsPublicKeyIsRefusedWithTheCommandThatCompletesIt() throws Exception {
        key(null);
        Path file = dataDir.resolve(ChainSigningKey.DEFAULT_FILE);
        String pem = Files.readString(file);
        Files.writeString(file, pem.substring(0, pem.indexOf("-----BEGIN PUBLIC KEY-----")));

        assertThatThrownBy(() -> key(file)).hasMessageContaining("openssl pkey -in k.pem -pubout >> k.pem");
    }

    private ChainSigningKey key(Path configured) {
        return new ChainSigningKey(new ChainProperties(Duration.ofMinutes(5), false, configured, "-"),
                new GrantlineProperties(URI.create("http://localhost"), dataDir, new GrantlineProperties.Embedded(true, 0)));
    }
}
