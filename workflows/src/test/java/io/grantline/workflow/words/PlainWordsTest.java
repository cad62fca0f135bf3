package io.grantline.workflow.words;

import static org.assertj.core.api.Assertions.assertThat;

import io.grantline.api.request.ApprovalStage;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class PlainWordsTest {

    @Test
    void instantsReadAsDayMonthYearAndTimeInTheSitesZone() {
        PlainWords berlin = new PlainWords(ZoneId.of("Europe/Berlin"));
        assertThat(berlin.instant(Instant.parse("2026-12-01T13:05:00Z"))).isEqualTo("1 Dec 2026, 14:05");
        assertThat(new PlainWords(ZoneId.of("UTC")).instant(Instant.parse("2026-09-30T23:59:59Z"))).isEqualTo("30 Sep 2026, 23:59");
        assertThat(berlin.instant(null)).isEqualTo("-");
    }

    @Test
    void durationsReadInTheirTwoLargestUnits() {
        assertThat(PlainWords.duration(Duration.ofHours(2))).isEqualTo("2 hours");
        assertThat(PlainWords.duration(Duration.ofHours(1))).isEqualTo("1 hour");
        assertThat(PlainWords.duration(Duration.ofMinutes(15))).isEqualTo("15 minutes");
        assertThat(PlainWords.duration(Duration.ofMinutes(90))).isEqualTo("1 hour 30 minutes");
        assertThat(PlainWords.duration(Duration.parse("P7D"))).isEqualTo("7 days");
        assertThat(PlainWords.duration(Duration.parse("P1DT4H5M"))).isEqualTo("1 day 4 hours");
        assertThat(PlainWords.duration(Duration.ofSeconds(20))).isEqualTo("less than a minute");
    }

    @Test
    void timeLeftCountsDownToTheEnd() {
        Instant now = Instant.parse("2026-12-01T10:00:00Z");
        assertThat(PlainWords.timeLeft(now, now.plus(Duration.ofMinutes(150)))).isEqualTo("2 hours 30 minutes left");
        assertThat(PlainWords.timeLeft(now, now.minusSeconds(1))).isEqualTo("ended");
    }

    @Test
    void stagesHavePeoplesNames() {
        assertThat(PlainWords.stage(ApprovalStage.MANAGER)).isEqualTo("Manager");
        assertThat(PlainWords.stage(ApprovalStage.RESOURCE_OWNER)).isEqualTo("Resource owner");
        assertThat(PlainWords.stage(ApprovalStage.OT_SECURITY)).isEqualTo("OT security");
        assertThat(PlainWords.stageOf(1, 3)).isEqualTo("stage 2 of 3");
    }
}
