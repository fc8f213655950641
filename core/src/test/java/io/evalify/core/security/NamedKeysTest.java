package io.evalify.core.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NamedKeysTest {

    private static final String PRIMARY_KEY = "3b1f0c9e8d7a6b5c4d3e2f1a0b9c8d7e";
    private static final String NEXT_KEY = "c4d3e2f1a0b9c8d73b1f0c9e8d7a6b5c";

    private final NamedKeys keys = NamedKeys.of(ordered("primary", PRIMARY_KEY, "next", NEXT_KEY));

    @Test
    void shouldNameTheKeyThatWasPresented() {
        assertThat(keys.verify(PRIMARY_KEY)).contains("primary");
        assertThat(keys.verify(NEXT_KEY)).contains("next");
    }

    @Test
    void shouldRefuseAnythingElse() {
        assertThat(keys.verify(null)).isEmpty();
        assertThat(keys.verify("")).isEmpty();
        assertThat(keys.verify(PRIMARY_KEY + "x")).isEmpty();
        assertThat(keys.verify(PRIMARY_KEY.substring(1))).isEmpty();
        assertThat(keys.verify(PRIMARY_KEY.toUpperCase())).isEmpty();
    }

    @Test
    void shouldLetABlankKeyMatchNothing() {
        var blank = NamedKeys.of(ordered("primary", "", "spaces", "   "));

        assertThat(blank.isEmpty()).isTrue();
        assertThat(blank.verify("")).isEmpty();
        assertThat(blank.verify("   ")).isEmpty();
    }

    private static Map<String, String> ordered(String... nameThenKey) {
        var map = new LinkedHashMap<String, String>();
        for (int i = 0; i < nameThenKey.length; i += 2) {
            map.put(nameThenKey[i], nameThenKey[i + 1]);
        }
        return map;
    }
}
