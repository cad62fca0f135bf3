package io.grantline.infra.compliance.replay;

import io.grantline.infra.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Rebuilds the read models from the events, reports how the live ones differed and repairs them (administrators and
 * compliance officers only; see SecurityConfiguration). The answer comes when the replay is done; reads go on
 * meanwhile.
 */
@RestController
@RequestMapping("/api/compliance")
class ReplayController {

    private static final Logger log = LoggerFactory.getLogger(ReplayController.class);

    private final ReadModelReplay replay;

    ReplayController(ReadModelReplay replay) {
        this.replay = replay;
    }

    @PostMapping("/replay")
    ReplayReport replay(Authentication auth) {
        log.info("Read-model replay asked for by {}", auth.getName());
        return replay.replay();
    }

    @ExceptionHandler(ReadModelReplay.AlreadyRunning.class)
    ProblemDetail alreadyRunning(ReadModelReplay.AlreadyRunning e) {
        return Problems.of(HttpStatus.CONFLICT, "replay-in-progress", "Replay in progress",
                "a read-model replay is already running; ask again when it has finished");
    }
}
