package io.grantline.workflow.campaign;

import io.grantline.api.campaign.CampaignId;
import io.grantline.api.campaign.ReviewId;
import io.grantline.workflow.bridge.StartedProcesses;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/** Starts a review's {@code campaign-review} process once: by the snapshot step, or by the bridge as a safety net. */
@Component
class ReviewProcesses {

    static final String CAMPAIGN_REVIEW = "campaign-review";

    private final RuntimeService runtime;
    private final StartedProcesses processes;

    ReviewProcesses(RuntimeService runtime, StartedProcesses processes) {
        this.runtime = runtime;
        this.processes = processes;
    }

    void startAll(CampaignId campaign, int reviews, Instant dueAt) {
        for (int n = 0; n < reviews; n++) {
            start(ReviewId.of(campaign, n), dueAt);
        }
    }

    void start(ReviewId reviewId, Instant dueAt) {
        if (started(CAMPAIGN_REVIEW, reviewId.value())) {
            return;
        }
        // two variables only: thousands of these start at once, and every variable is rows in the history
        Map<String, Object> variables = new HashMap<>();
        variables.put("reviewId", reviewId.value());
        variables.put("dueAt", dueAt.toString());
        runtime.createMessageCorrelation("ReviewOpened").processInstanceBusinessKey(reviewId.value()).setVariables(variables)
                .correlateStartMessage();
    }

    boolean started(String process, String businessKey) {
        return processes.started(process, businessKey);
    }
}
