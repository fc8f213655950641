package io.evalify.core.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keys a caller may present, each with a name the logs show instead of the key: several at once let a key be
 * rotated without downtime (add the next one, move the callers, drop the old one). Only SHA-256 digests are
 * kept, and every presented key is compared with every configured one in constant time, so neither a key's
 * content, its length nor which key matched leaks through timing.
 */
public final class NamedKeys {

    private final List<NamedDigest> keys = new ArrayList<>();

    private NamedKeys(Map<String, String> keysByName) {
        keysByName.forEach((name, key) -> {
            if (key != null && !key.isBlank()) {
                keys.add(new NamedDigest(name, digest(key)));
            }
        });
    }

    /** The keys in {@code keysByName} (name to key); blank keys are left out, so they match nothing. */
    public static NamedKeys of(Map<String, String> keysByName) {
        return new NamedKeys(keysByName);
    }

    /** The name of the key {@code presented} is, or empty when it is none of them. */
    public Optional<String> verify(String presented) {
        if (presented == null || presented.isEmpty()) {
            return Optional.empty();
        }
        byte[] digest = digest(presented);
        String matched = null;
        for (NamedDigest key : keys) {
            if (MessageDigest.isEqual(key.digest(), digest) && matched == null) {
                matched = key.name();
            }
        }
        return Optional.ofNullable(matched);
    }

    /** Whether any key is configured at all. */
    public boolean isEmpty() {
        return keys.isEmpty();
    }

    private static byte[] digest(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record NamedDigest(String name, byte[] digest) {}
}
