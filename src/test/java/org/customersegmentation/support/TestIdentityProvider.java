package org.customersegmentation.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * An identity provider of the tests' own: an RSA key pair made at start, its public half served as a JWK set over
 * HTTP on a free port, and tokens minted with it (or with another key, for tokens that must fail). The end-to-end
 * context points {@code spring.security.oauth2.resourceserver.jwt.jwk-set-uri} at it, with the audience
 * {@value #AUDIENCE}; no external identity provider is needed.
 */
public final class TestIdentityProvider {

    public static final String AUDIENCE = "segmentation-api";
    private static final RSAKey KEY = generate("test-idp");
    private static final RSAKey ROGUE = generate("test-idp");
    private static final String JWK_SET_URI = serve(new JWKSet(KEY.toPublicJWK()).toString());

    private TestIdentityProvider() {
    }

    /** A token signed by the provider, with these claims over a subject and a 10-minute life. */
    public static String token(Map<String, Object> claims) {
        return sign(KEY, claims, Instant.now().plusSeconds(600));
    }

    public static String expiredToken(Map<String, Object> claims) {
        return sign(KEY, claims, Instant.now().minusSeconds(600));
    }

    /** Signed with a key the provider does not publish. */
    public static String forgedToken(Map<String, Object> claims) {
        return sign(ROGUE, claims, Instant.now().plusSeconds(600));
    }

    private static String sign(RSAKey key, Map<String, Object> claims, Instant expires) {
        // issued ten minutes before it expires, as a provider would, so that an expired token is only that
        JWTClaimsSet.Builder set = new JWTClaimsSet.Builder().subject("crm-integration")
                .issueTime(Date.from(expires.minusSeconds(600))).expirationTime(Date.from(expires)).audience(AUDIENCE);
        claims.forEach(set::claim);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), set.build());
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static RSAKey generate(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String serve(String jwkSet) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            byte[] body = jwkSet.getBytes(StandardCharsets.UTF_8);
            server.createContext("/jwks.json", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.setExecutor(null);
            server.start();
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks.json";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Points the service at this provider. */
    public static final class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            TestPropertyValues.of("spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + JWK_SET_URI,
                    "spring.security.oauth2.resourceserver.jwt.audiences=" + AUDIENCE).applyTo(context);
        }
    }
}
