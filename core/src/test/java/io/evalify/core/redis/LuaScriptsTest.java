package io.evalify.core.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class LuaScriptsTest {

    @Test
    void shouldReadAScriptOnceAndHashItLikeRedis() {
        var script = LuaScripts.load("io/evalify/core/job/transition.lua", List.class);

        assertThat(script.getScriptAsString()).contains("redis.call");
        assertThat(script.getSha1()).hasSize(40).isEqualTo(script.getSha1());
        assertThat(script.getResultType()).isEqualTo(List.class);
    }

    @Test
    void shouldRefuseAMissingScript() {
        assertThatThrownBy(() -> LuaScripts.load("io/evalify/core/job/nope.lua", Long.class))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("nope.lua");
    }
}
