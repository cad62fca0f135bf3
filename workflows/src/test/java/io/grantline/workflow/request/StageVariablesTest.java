package io.grantline.workflow.request;

import static org.assertj.core.api.Assertions.assertThat;

import io.grantline.api.identity.IdentityId;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * A stage's approvers as the process keeps them: a string of ids for a stage opened by this version, a list for one
 * opened by a process started before it (still open after an upgrade); reminders and moves read both alike.
 */
class StageVariablesTest {

    @Test
    void approversWrittenAsAStringReadBackInTheirOrder() {
        Set<IdentityId> approvers = new TreeSet<>(Comparator.comparing(IdentityId::value));
        approvers.addAll(List.of(IdentityId.of("olga"), IdentityId.of("dave.h"), IdentityId.of("ops@plant-3")));

        String stored = StageVariables.approverIdsValue(approvers);

        assertThat(stored).isEqualTo("dave.h,olga,ops@plant-3");
        assertThat(StageVariables.approverIds(stored)).containsExactlyElementsOf(approvers);
    }

    @Test
    void approversOfAStageOpenedByAnEarlierVersionAreReadFromTheirList() {
        assertThat(StageVariables.approverIds(List.of("olga", "dave.h")))
                .containsExactly(IdentityId.of("olga"), IdentityId.of("dave.h"));
    }

    @Test
    void noApproversReadAsNone() {
        assertThat(StageVariables.approverIds("")).isEmpty();
    }
}
