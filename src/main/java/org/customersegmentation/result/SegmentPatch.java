package org.customersegmentation.result;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.customersegmentation.common.InvalidInputException;
import tools.jackson.databind.JsonNode;

/**
 * A JSON merge patch (RFC 7396) of what people say about a segment: a field left out stays as it is, {@code null}
 * clears it, and clearing {@code name} gives the segment back its automatic label.
 *
 * @param changes which of the fields the patch sets (to a value or to null)
 */
@Schema(name = "SegmentPatch", description = "A JSON merge patch: a field left out stays as it is, null clears it; "
        + "clearing name gives the segment back its automatic label")
record SegmentPatch(@Schema(description = "1 to 80 characters after trimming, no control characters; unique within "
                            + "the segmentation, whatever the case", nullable = true, maxLength = 80,
                            example = "Young Wealth Builders") String name,
                    @Schema(description = "Up to 2,000 characters", nullable = true, maxLength = 2000,
                            example = "High earners under 35 who save more than they spend") String description,
                    @ArraySchema(maxItems = 20, schema = @Schema(maxLength = 40))
                    @Schema(types = {"array", "null"}, description = "Up to 20 tags, each 1 to 40 characters after "
                            + "trimming; repeated tags are kept once", example = "[\"premium\"]") List<String> tags,
                    @JsonIgnore @Schema(hidden = true) Set<String> changes) {

    static final int NAME_LENGTH = 80;
    static final int DESCRIPTION_LENGTH = 2000;
    static final int TAGS = 20;
    static final int TAG_LENGTH = 40;

    boolean changes(String field) {
        return changes.contains(field);
    }

    static SegmentPatch of(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw invalid("body", "The body must be a JSON object with any of name, description and tags.");
        }
        Set<String> changes = new LinkedHashSet<>();
        for (String field : body.propertyNames()) {
            if (!Set.of("name", "description", "tags").contains(field)) {
                throw invalid(field, "Unknown field \"" + field + "\"; a segment takes name, description and tags.");
            }
            changes.add(field);
        }
        return new SegmentPatch(name(body.get("name")), description(body.get("description")), tags(body.get("tags")),
                changes);
    }

    private static String name(JsonNode node) {
        String name = text(node, "name");
        if (name == null) {
            return null;
        }
        name = name.strip();
        if (name.isEmpty() || name.length() > NAME_LENGTH) {
            throw invalid("name", "name must be 1 to " + NAME_LENGTH + " characters after trimming, not "
                    + name.length() + "; send null to go back to the automatic label.");
        }
        if (name.chars().anyMatch(Character::isISOControl)) {
            throw invalid("name", "name must be one line of text, without control characters such as tabs or line breaks.");
        }
        return name;
    }

    private static String description(JsonNode node) {
        String description = text(node, "description");
        if (description != null && description.length() > DESCRIPTION_LENGTH) {
            throw invalid("description", "description must be at most " + DESCRIPTION_LENGTH + " characters, not "
                    + description.length() + ".");
        }
        return description;
    }

    private static List<String> tags(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            throw invalid("tags", "tags must be an array of strings, or null to clear them.");
        }
        Set<String> tags = new LinkedHashSet<>();
        for (JsonNode tag : node) {
            if (!tag.isString() || tag.asString().isBlank() || tag.asString().strip().length() > TAG_LENGTH) {
                throw invalid("tags", "Each tag must be a string of 1 to " + TAG_LENGTH + " characters after trimming.");
            }
            tags.add(tag.asString().strip());
        }
        if (tags.size() > TAGS) {
            throw invalid("tags", "A segment takes at most " + TAGS + " tags, not " + tags.size() + ".");
        }
        return new ArrayList<>(tags);
    }

    private static String text(JsonNode node, String field) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isString()) {
            throw invalid(field, field + " must be a string, or null to clear it.");
        }
        return node.asString();
    }

    private static InvalidInputException invalid(String field, String detail) {
        return new InvalidInputException("Invalid segment patch", detail, Map.of("parameter", field));
    }
}
