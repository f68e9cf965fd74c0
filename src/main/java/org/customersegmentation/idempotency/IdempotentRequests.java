package org.customersegmentation.idempotency;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.customersegmentation.common.UnprocessableContentException;
import org.customersegmentation.security.Tenant;
import org.springframework.stereotype.Component;

/**
 * Makes a POST that creates something safe to retry with an {@code Idempotency-Key}: a retry with the same key and
 * payload gets the resource the first request created instead of a second one; the same key with another payload
 * is a 422, and while the first request is still being processed, a 409 with Retry-After.
 */
@Component
public class IdempotentRequests {

    /** The longest Idempotency-Key accepted. */
    public static final int MAX_KEY_LENGTH = 255;

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    /** Either what this request created, or the ID of what an earlier one with the same key created. */
    public record Outcome<T>(T created, UUID replayed) {
    }

    private final IdempotencyKeys keys;

    IdempotentRequests(IdempotencyKeys keys) {
        this.keys = keys;
    }

    /** For a payload known up front, e.g. a JSON body in its canonical form. */
    public <T> Outcome<T> run(Tenant tenant, String operation, String key, String payload, Supplier<T> work,
                              Function<T, UUID> idOf) {
        String hash = hex(digest(payload));
        Optional<IdempotencyKeys.Earlier> earlier = keys.claim(tenant, operation, key, hash);
        if (earlier.isPresent()) {
            return replay(earlier.get(), hash);
        }
        return doOnce(tenant, operation, key, work, created -> hash, idOf);
    }

    /**
     * For a payload streamed to the work: it is hashed as the work reads it (with {@code description}, e.g. the
     * query parameters, in front). A retry of a finished request reads the body only to compare hashes.
     */
    public <T> Outcome<T> runStreamed(Tenant tenant, String operation, String key, String description, InputStream body,
                                      Function<InputStream, T> work, Function<T, UUID> idOf) {
        MessageDigest digest = digest(description);
        DigestInputStream hashed = new DigestInputStream(body, digest);
        Optional<IdempotencyKeys.Earlier> earlier = keys.claim(tenant, operation, key, null);
        if (earlier.isPresent()) {
            drain(hashed);
            return replay(earlier.get(), hex(digest));
        }
        // the work may close what it read; the rest of the body must still be hashed
        InputStream unclosable = new FilterInputStream(hashed) {
            @Override
            public void close() {
            }
        };
        return doOnce(tenant, operation, key, () -> work.apply(unclosable), created -> {
            drain(hashed);
            return hex(digest);
        }, idOf);
    }

    private <T> Outcome<T> doOnce(Tenant tenant, String operation, String key, Supplier<T> work,
                                  Function<T, String> hashOf, Function<T, UUID> idOf) {
        try {
            T created = work.get();
            keys.complete(tenant, operation, key, idOf.apply(created), hashOf.apply(created));
            return new Outcome<>(created, null);
        } catch (RuntimeException e) {
            try {
                keys.release(tenant, operation, key);
            } catch (RuntimeException releaseFailed) {
                // the database is gone too: the claim is no longer renewed, and lapses; the first failure is the answer
                e.addSuppressed(releaseFailed);
            }
            throw e;
        }
    }

    private static <T> Outcome<T> replay(IdempotencyKeys.Earlier earlier, String hash) {
        if (!hash.equals(earlier.payloadHash())) {
            throw new UnprocessableContentException("Idempotency-Key reused", "This Idempotency-Key was already used "
                    + "with a different request. Use a new key for a new request.", Map.of("parameter", HEADER));
        }
        return new Outcome<>(null, earlier.resourceId());
    }

    private static MessageDigest digest(String prefix) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(prefix.getBytes(StandardCharsets.UTF_8));
            return digest;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Reads what the work left unread, so that the hash covers the whole body. */
    private static void drain(InputStream body) {
        try {
            body.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
