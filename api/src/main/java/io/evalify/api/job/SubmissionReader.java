package io.evalify.api.job;

import io.evalify.api.web.ApiProblem;
import io.evalify.schemas.Json;
import io.evalify.schemas.SchemaName;
import io.evalify.schemas.SchemaValidator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Reads a request body against its schema (the schemas module is the source of truth), so a request is either
 * fully valid or rejected before anything is created.
 */
@Component
public class SubmissionReader {

    private final SchemaValidator validator;

    SubmissionReader(SchemaValidator validator) {
        this.validator = validator;
    }

    /** Parses and validates, or throws a 400 problem listing every field error. */
    <T> T read(String body, SchemaName schema, Class<T> type) {
        var errors = validator.validate(schema, body);
        if (!errors.isEmpty()) {
            throw ApiProblem.invalidRequest(errors);
        }
        JsonNode tree = Json.mapper().readTree(body);
        return Json.mapper().treeToValue(tree, type);
    }

    /**
     * SHA-256 of the body's canonical JSON ({@link CanonicalJson}), so whitespace, key order and the spelling of
     * numbers do not make a client's retry differ from its first request.
     */
    public static String hash(String body) {
        try {
            var canonical = CanonicalJson.of(body);
            var digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
