package org.alcove.server.auth;

import io.jsonwebtoken.security.Keys;
import org.alcove.server.config.AlcoveConfig;
import org.alcove.server.config.ConfigException;
import org.alcove.server.store.Database;

import javax.crypto.SecretKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The HMAC key that signs every token: {@code auth.signing-key} when configured, else a random
 * key generated once into {@code <dataDir>/signing.key}, readable by the owner only. The key
 * is never logged; errors name the setting or file, never the value.
 */
public final class SigningKey {
    public static final String FILE_NAME = "signing.key";
    private static final int MIN_BYTES = 32;

    private SigningKey() {
    }

    public static SecretKey load(AlcoveConfig.Auth auth, Path dataDir) {
        if (auth.signingKey() != null) {
            return fromBase64(auth.signingKey(), "ALCOVE_AUTH_SIGNING_KEY");
        }
        Path file = dataDir.resolve(FILE_NAME);
        try {
            if (!Files.exists(file)) {
                generate(file);
            }
            return fromBase64(Files.readString(file, StandardCharsets.US_ASCII).trim(), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the signing key file " + file, e);
        }
    }

    private static void generate(Path file) throws IOException {
        Database.createPrivateDirectory(file.toAbsolutePath().getParent());
        byte[] key = new byte[MIN_BYTES];
        new SecureRandom().nextBytes(key);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            // Created with owner-only permissions, so the key is never readable by others, not even briefly.
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(file);
        }
        Files.writeString(file, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
    }

    private static SecretKey fromBase64(String value, String source) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(source + " must be base64");
        }
        if (bytes.length < MIN_BYTES) {
            throw new ConfigException(source + " must hold at least " + MIN_BYTES + " bytes");
        }
        return Keys.hmacShaKeyFor(bytes);
    }
}
