package io.evalify.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class ScenarioTest {

    @Test
    void shouldReadAllAListOrOneScenarioInAnyCase() {
        assertThat(Scenario.parse("all")).isEqualTo(EnumSet.allOf(Scenario.class));
        assertThat(Scenario.parse(null)).isEqualTo(EnumSet.allOf(Scenario.class));
        assertThat(Scenario.parse("s2")).containsExactly(Scenario.S2);
        assertThat(Scenario.parse("S3, S1")).containsExactly(Scenario.S1, Scenario.S3);
    }

    @Test
    void shouldNameTheValidChoicesForAnUnknownOne() {
        assertThatThrownBy(() -> Scenario.parse("S9"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("S1, S2, S3, S4, S5, all");
    }
}
