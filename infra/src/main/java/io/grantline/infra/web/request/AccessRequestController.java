package io.grantline.infra.web.request;

import io.grantline.api.entitlement.EntitlementId;
import io.grantline.api.grant.GrantId;
import io.grantline.api.identity.IdentityId;
import io.grantline.api.identity.Role;
import io.grantline.api.request.AccessRequestId;
import io.grantline.api.request.AccessRequestStatus;
import io.grantline.api.request.AccessRequestSummary;
import io.grantline.api.request.CancelAccessRequest;
import io.grantline.api.request.DecisionAuthentication;
import io.grantline.api.request.FileAccessRequest;
import io.grantline.api.request.FindAccessRequest;
import io.grantline.api.request.ListAccessRequests;
import io.grantline.infra.security.ApproverAuthentication;
import io.grantline.infra.web.Accepted;
import io.grantline.infra.web.Callers;
import io.grantline.infra.web.IdentityOwners;
import io.grantline.infra.web.NotFound;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Requesters file tickets for themselves or for the non-human identities they own. */
@RestController
@RequestMapping("/api/access-requests")
class AccessRequestController {

    record FileRequestBody(IdentityId beneficiaryId, @NotNull EntitlementId entitlementId,
                           @NotBlank @Size(max = 2000) String justification, @Size(max = 100) String ticket,
                           Duration duration, Boolean emergency, GrantId extendsGrantId,
                           @Size(max = 2000) String sodExceptionReason) {
    }

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final ApproverAuthentication proofs;
    private final IdentityOwners owners;

    AccessRequestController(CommandGateway commands, QueryGateway queries, ApproverAuthentication proofs, IdentityOwners owners) {
        this.commands = commands;
        this.queries = queries;
        this.proofs = proofs;
        this.owners = owners;
    }

    @PostMapping
    ResponseEntity<Accepted> file(@Valid @RequestBody FileRequestBody body, Authentication auth, HttpServletRequest http) {
        return file(body, auth, http, null);
    }

    /**
     * Files the request. For break-glass the aggregate asks how the requester proved who they are with this call: the
     * password on it (HTTP Basic, or {@code formPassword} from the request page), a recent OIDC or browser sign-in; an
     * API token never counts.
     */
    ResponseEntity<Accepted> file(FileRequestBody body, Authentication auth, HttpServletRequest http, String formPassword) {
        IdentityId requester = Callers.identity(auth);
        boolean emergency = Boolean.TRUE.equals(body.emergency());
        DecisionAuthentication proof = null;
        if (emergency) {
            try {
                proof = proofs.of(http, auth, requester, formPassword, DecisionAuthentication.Method.API_TOKEN);
            } catch (ApproverAuthentication.Refused refused) {
                throw new AccessDeniedException(refused.getMessage());
            }
        }
        AccessRequestId id = AccessRequestId.random();
        commands.sendAndWait(new FileAccessRequest(id, requester, body.beneficiaryId() == null ? requester : body.beneficiaryId(),
                body.entitlementId(), body.justification(), body.ticket(), body.duration(), emergency, proof, body.extendsGrantId(),
                body.sodExceptionReason()));
        return Accepted.at("/api/access-requests", id.value());
    }

    @GetMapping("/{id}")
    AccessRequestSummary get(@PathVariable String id, Authentication auth) {
        AccessRequestSummary request = find(AccessRequestId.of(id));
        if (!mayRead(request, auth)) {
            // not "403": whether a request exists is itself not for everyone to learn
            throw new NotFound("access request '" + id + "'");
        }
        return request;
    }

    @GetMapping
    List<AccessRequestSummary> list(@RequestParam(required = false) String requesterId,
                                    @RequestParam(required = false) AccessRequestStatus status, Authentication auth) {
        IdentityId requester = requesterId == null ? null : IdentityId.of(requesterId);
        if (!Callers.overseer(auth)) {
            IdentityId self = Callers.identity(auth);
            if (requester != null && !requester.equals(self)) {
                throw new AccessDeniedException("only your own requests");
            }
            requester = self;
        }
        return queries.query(new ListAccessRequests(requester, status), ResponseTypes.multipleInstancesOf(AccessRequestSummary.class)).join();
    }

    @PostMapping("/{id}/cancel")
    ResponseEntity<Accepted> cancel(@PathVariable String id, Authentication auth) {
        AccessRequestId requestId = AccessRequestId.of(id);
        commands.sendAndWait(new CancelAccessRequest(requestId, IdentityId.of(auth.getName()), Callers.has(auth, Role.ADMINISTRATOR)));
        return Accepted.at("/api/access-requests", id);
    }

    private AccessRequestSummary find(AccessRequestId id) {
        return queries.query(new FindAccessRequest(id), ResponseTypes.optionalInstanceOf(AccessRequestSummary.class)).join()
                .orElseThrow(() -> new NotFound("access request '" + id.value() + "'"));
    }

    private boolean mayRead(AccessRequestSummary request, Authentication auth) {
        if (Callers.overseer(auth)) {
            return true; // as in the list: administrators, compliance officers and security operators see every request
        }
        String caller = auth.getName();
        if (request.requesterId().value().equals(caller) || request.beneficiaryId().value().equals(caller)
                || request.stages().stream().anyMatch(stage -> stage.approverIds().stream().anyMatch(a -> a.value().equals(caller)))) {
            return true;
        }
        return owners.owns(auth, request.beneficiaryId());
    }
}
