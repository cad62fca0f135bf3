package io.grantline.command.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BreakGlassAllowanceTest {

    @Test
    void readsUsesPerWindowAsTheSettingIsWritten() {
        assertThat(BreakGlassAllowance.parse("2 per P30D")).isEqualTo(new BreakGlassAllowance(2, Duration.ofDays(30)));
        assertThat(BreakGlassAllowance.parse(" 5 per pt12h ")).isEqualTo(new BreakGlassAllowance(5, Duration.ofHours(12)));
        assertThat(BreakGlassAllowance.parse("0 per P1D").uses()).isZero();
    }

    @Test
    void saysItsWindowInWords() {
        assertThat(BreakGlassAllowance.parse("2 per P30D").windowInWords()).isEqualTo("30 days");
        assertThat(BreakGlassAllowance.parse("2 per P1D").windowInWords()).isEqualTo("1 day");
        assertThat(BreakGlassAllowance.parse("2 per PT12H").windowInWords()).isEqualTo("12 hours");
        assertThat(BreakGlassAllowance.parse("2 per PT90M").windowInWords()).isEqualTo("90 minutes");
    }

    @Test
    void refusesWhatItCannotReadNamingTheSetting() {
        assertThatThrownBy(() -> BreakGlassAllowance.parse("twice a month"))
                .hasMessageContaining("grantline.break-glass.per-identity").hasMessageContaining("2 per P30D");
        assertThatThrownBy(() -> BreakGlassAllowance.parse("2 per 30 days")).hasMessageContaining("2 per P30D");
        assertThatThrownBy(() -> BreakGlassAllowance.parse("2 per P30X")).hasMessageContaining("not an ISO-8601 duration");
        assertThatThrownBy(() -> BreakGlassAllowance.parse("2 per PT0S")).hasMessageContaining("positive");
        assertThatThrownBy(() -> BreakGlassAllowance.parse(null)).hasMessageContaining("2 per P30D");
    }
}
