package org.alcove.server.auth;

import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.MacAlgorithm;
import io.jsonwebtoken.security.SecureDigestAlgorithm;
import io.jsonwebtoken.security.SecureRequest;
import io.jsonwebtoken.security.SignatureException;
import io.jsonwebtoken.security.VerifySecureDigestRequest;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;

/**
 * jjwt's HS256 for the parser, with the JDK {@link Mac} for the server's one signing key made
 * once per thread instead of once per token. jjwt's own HS256 looks the algorithm up in the
 * provider list, copies the key to check its length and initialises a new Mac on every
 * verification: about half a microsecond of a join token's ten. The key is checked once here,
 * by jjwt's HS256 itself; anything but a verification with that key (signing, another key) goes
 * to jjwt's HS256 unchanged. The parser still does everything else: which algorithm a header may
 * name, the signing input, decoding the signature.
 */
final class KeyedHs256 implements SecureDigestAlgorithm<SecretKey, SecretKey> {
    private static final MacAlgorithm JJWT = Jwts.SIG.HS256;
    /** The JDK name of the MAC behind HS256 (RFC 7518 section 3.2). */
    private static final String JDK_MAC = "HmacSHA256";

    private final SecretKey key;
    private final ThreadLocal<Mac> macs;

    /** @throws io.jsonwebtoken.security.SecurityException when jjwt's HS256 refuses the key (under 256 bits) */
    KeyedHs256(SecretKey key) {
        this.key = key;
        // Signing a throwaway token runs jjwt's own key checks, so this accepts exactly the keys it does.
        Jwts.builder().subject("key check").signWith(key, JJWT).compact();
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    @Override
    public String getId() {
        return JJWT.getId();
    }

    @Override
    public byte[] digest(SecureRequest<InputStream, SecretKey> request) {
        return JJWT.digest(request);
    }

    @Override
    public boolean verify(VerifySecureDigestRequest<SecretKey> request) {
        if (request.getKey() != key) {
            return JJWT.verify(request);
        }
        byte[] computed;
        try (InputStream signingInput = request.getPayload()) {
            computed = macs.get().doFinal(signingInput.readAllBytes());
        } catch (IOException e) {
            throw new SignatureException("cannot read the signing input", e);
        }
        return MessageDigest.isEqual(computed, request.getDigest());
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(JDK_MAC);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(JDK_MAC + " unavailable", e);
        }
    }
}
