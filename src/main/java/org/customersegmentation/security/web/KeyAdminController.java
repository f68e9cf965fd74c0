package org.customersegmentation.security.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.customersegmentation.common.InvalidInputException;
import org.customersegmentation.common.NotFoundException;
import org.customersegmentation.security.OperatorApiEnabled;
import org.customersegmentation.security.Scope;
import org.customersegmentation.security.Tenant;
import org.customersegmentation.security.keys.StoredKeys;
import org.customersegmentation.web.OperatorApi;
import org.customersegmentation.web.ProblemResponses;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Issuing, listing and revoking tenants' API keys: the operator's, behind {@code X-Operator-Key}. */
@RestController
@RequestMapping("/admin/v1/tenants/{tenant}/keys")
@Tag(name = "Operator", description = "The operator API: tenants' keys, the audit log and retention. X-Operator-Key, never an API key.")
@OperatorApi
@Conditional(OperatorApiEnabled.class)
class KeyAdminController {

    /**
     * @param name      what the key is for, e.g. the integration that uses it
     * @param scopes    what it may do: segmentation:read, segmentation:write, segmentation:delete
     * @param expiresAt when it stops working; null for never
     */
    record KeyRequest(@NotBlank @Size(max = 100) String name,
                      @NotNull @Size(min = 1, max = 3) @ArraySchema(schema = @Schema(allowableValues = {
                              "segmentation:read", "segmentation:write", "segmentation:delete"})) List<String> scopes,
                      @Schema(nullable = true) Instant expiresAt) {
    }

    /** A key as listed: never its secret, only its first characters. */
    record KeyView(UUID id, String tenant, String name, @Schema(example = "cs_live_AbCd") String prefix,
                   List<String> scopes, Instant createdAt, @Schema(nullable = true) Instant lastUsedAt,
                   @Schema(nullable = true) Instant expiresAt, @Schema(nullable = true) Instant revokedAt) {

        static KeyView of(StoredKeys.StoredKey key) {
            return new KeyView(key.id(), key.tenant(), key.name(), key.prefix(), scopeValues(key), key.createdAt(),
                    key.lastUsedAt(), key.expiresAt(), key.revokedAt());
        }
    }

    /** A key just issued: {@code key} is its secret, shown this once. */
    record IssuedKeyView(UUID id, String tenant, String name, String prefix, List<String> scopes, Instant createdAt,
                         @Schema(nullable = true) Instant expiresAt,
                         @Schema(description = "The secret, to send as X-API-Key; it is not shown again") String key) {

        static IssuedKeyView of(StoredKeys.IssuedKey issued) {
            StoredKeys.StoredKey key = issued.key();
            return new IssuedKeyView(key.id(), key.tenant(), key.name(), key.prefix(), scopeValues(key),
                    key.createdAt(), key.expiresAt(), issued.secret());
        }
    }

    private static List<String> scopeValues(StoredKeys.StoredKey key) {
        return key.scopes().stream().map(Scope::value).sorted().toList();
    }

    private static final Duration MAX_LIFETIME = Duration.ofDays(36_500);

    private final StoredKeys keys;
    private final Clock clock;

    KeyAdminController(StoredKeys keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    @Operation(operationId = "issueKey", summary = "Issue an API key to a tenant",
            description = "The secret is in the answer's key, once: only its SHA-256 is kept. A tenant may have several "
                    + "active keys, so that one can be rotated without downtime: issue the new one, move the "
                    + "integration to it, then revoke the old one. A tenant needs no other setup.")
    @ApiResponse(responseCode = "201", description = "Issued")
    @ProblemResponses(400)
    @PostMapping
    ResponseEntity<IssuedKeyView> issue(@PathVariable @Pattern(regexp = Tenant.PATTERN) @Size(min = 1, max = Tenant.MAX_LENGTH) String tenant,
                                        @Valid @RequestBody KeyRequest request) {
        Set<Scope> scopes = new TreeSet<>();
        for (String scope : request.scopes()) {
            scopes.add(Scope.of(scope).orElseThrow(() -> new InvalidInputException("Invalid key request", "Scope '"
                    + scope + "' is not one of segmentation:read, segmentation:write, segmentation:delete.",
                    Map.of("parameter", "scopes"))));
        }
        if (request.expiresAt() != null && (!request.expiresAt().isAfter(Instant.now(clock))
                || request.expiresAt().isAfter(Instant.now(clock).plus(MAX_LIFETIME)))) {
            throw new InvalidInputException("Invalid key request", "expiresAt must be in the future and within 100 "
                    + "years; leave it out for a key that does not expire.", Map.of("parameter", "expiresAt"));
        }
        StoredKeys.IssuedKey issued = keys.issue(tenant, request.name().strip(), scopes, request.expiresAt());
        return ResponseEntity.created(URI.create("/admin/v1/tenants/" + tenant + "/keys/" + issued.key().id()))
                .body(IssuedKeyView.of(issued));
    }

    @Operation(operationId = "listKeys", summary = "A tenant's API keys, oldest first, without their secrets")
    @ProblemResponses(400)
    @GetMapping
    List<KeyView> list(@PathVariable @Pattern(regexp = Tenant.PATTERN) @Size(min = 1, max = Tenant.MAX_LENGTH) String tenant) {
        return keys.list(tenant).stream().map(KeyView::of).toList();
    }

    @Operation(operationId = "getKey", summary = "One of a tenant's API keys, without its secret",
            description = "Revoked and expired keys too, with when. 404 when the tenant has no such key.")
    @ProblemResponses({400, 404})
    @GetMapping("/{keyId}")
    KeyView get(@PathVariable @Pattern(regexp = Tenant.PATTERN) @Size(min = 1, max = Tenant.MAX_LENGTH) String tenant, @PathVariable UUID keyId) {
        return keys.get(tenant, keyId).map(KeyView::of).orElseThrow(() -> new NotFoundException("key", keyId));
    }

    @Operation(operationId = "revokeKey", summary = "Revoke a tenant's API key",
            description = "It stops working at once on this instance and within segmentation.keys.cache-ttl (5 s) on "
                    + "every other. 404 when the tenant has no such key or it was revoked already.")
    @ApiResponse(responseCode = "204", description = "Revoked")
    @ProblemResponses({400, 404})
    @DeleteMapping("/{keyId}")
    ResponseEntity<Void> revoke(@PathVariable @Pattern(regexp = Tenant.PATTERN) @Size(min = 1, max = Tenant.MAX_LENGTH) String tenant, @PathVariable UUID keyId) {
        if (!keys.revoke(tenant, keyId)) {
            throw new NotFoundException("active key", keyId);
        }
        return ResponseEntity.noContent().build();
    }
}
