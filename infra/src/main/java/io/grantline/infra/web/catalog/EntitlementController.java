package io.grantline.infra.web.catalog;

import io.grantline.api.entitlement.EntitlementId;
import io.grantline.api.entitlement.EntitlementSummary;
import io.grantline.api.entitlement.FindEntitlement;
import io.grantline.api.entitlement.ListEntitlements;
import io.grantline.infra.web.Accepted;
import io.grantline.infra.web.NotFound;
import jakarta.validation.Valid;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The entitlement catalog. Everyone signed in may read it: requesters choose what to ask for from it. */
@RestController
@RequestMapping("/api/entitlements")
class EntitlementController {

    private final CommandGateway commands;
    private final QueryGateway queries;

    EntitlementController(CommandGateway commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @PostMapping
    ResponseEntity<Accepted> define(@Valid @RequestBody DefineEntitlementRequest body) {
        commands.sendAndWait(body.toCommand());
        return Accepted.at("/api/entitlements", body.id().value());
    }

    @GetMapping
    List<EntitlementSummary> list() {
        return queries.query(new ListEntitlements(), ResponseTypes.multipleInstancesOf(EntitlementSummary.class)).join();
    }

    @GetMapping("/{id}")
    EntitlementSummary get(@PathVariable String id) {
        return queries.query(new FindEntitlement(EntitlementId.of(id)), ResponseTypes.optionalInstanceOf(EntitlementSummary.class))
                .join()
                .orElseThrow(() -> new NotFound("entitlement '" + id + "'"));
    }
}
