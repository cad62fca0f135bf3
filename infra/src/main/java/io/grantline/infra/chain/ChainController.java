package io.grantline.infra.chain;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Tamper evidence for compliance officers: recomputes the event store's hash chain and says where it breaks. */
@RestController
class ChainController {

    private final ChainVerifier verifier;

    ChainController(ChainVerifier verifier) {
        this.verifier = verifier;
    }

    @GetMapping("/api/compliance/verify")
    VerificationReport verify() {
        return verifier.verify();
    }
}
