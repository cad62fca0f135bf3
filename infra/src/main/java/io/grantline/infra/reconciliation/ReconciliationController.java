package io.grantline.infra.reconciliation;

import io.grantline.infra.web.Accepted;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Provisioning reconciliation (OT security, security operators, administrators): compare the targets with the grants. */
@RestController
@RequestMapping("/api/reconciliation")
class ReconciliationController {

    /** As API.md shows a finding; {@code identity} is null for a member no identity's directory entry names. */
    record FindingAnswer(String id, String connector, String target, String identity, String memberDn, String kind, Instant foundAt) {
    }

    private final Reconciliation reconciliation;

    ReconciliationController(Reconciliation reconciliation) {
        this.reconciliation = reconciliation;
    }

    @PostMapping
    ResponseEntity<Accepted> start(Authentication auth) {
        return Accepted.showing("/api/reconciliation/findings", reconciliation.start(auth.getName()));
    }

    @GetMapping("/findings")
    List<FindingAnswer> findings() {
        return reconciliation.latestFindings().stream().map(finding -> new FindingAnswer(Long.toString(finding.id()), finding.connector(),
                finding.target(), finding.identity(), finding.memberDn(), finding.kind(), finding.foundAt())).toList();
    }
}
