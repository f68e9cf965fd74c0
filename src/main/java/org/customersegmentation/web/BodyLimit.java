package org.customersegmentation.web;

import org.springframework.util.unit.DataSize;

/**
 * How large a request body the endpoints matching {@code pathPattern} accept, declared by the module that serves
 * them; other API endpoints accept {@code segmentation.requests.max-body-size} (1 MB).
 *
 * @param pathPattern a Spring path pattern, e.g. {@code /api/v1/segmentations/{id}/predict}
 * @param maxSize     the most the body may hold; null when the endpoint limits its body itself, as it reads it
 */
public record BodyLimit(String pathPattern, DataSize maxSize) {
}
