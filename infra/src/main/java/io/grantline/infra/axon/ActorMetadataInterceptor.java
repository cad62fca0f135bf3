package io.grantline.infra.axon;

import io.grantline.workflow.actor.CausingActor;

import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MetaData;
import org.slf4j.MDC;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Puts the actor, the channel and the address on every command, in one place, so no handler sets them by hand; the
 * events the command causes carry them on.
 * <ul>
 *   <li>From a web request: the signed-in person, or the approver an approval link names; the channel the entry point
 *   named (EMAIL_LINK) or API/WEB; the caller's address. What a caller put on the command is overwritten.</li>
 *   <li>From a process step: channel PROCESS, and the actor and address of the event that caused the step (Axon copies
 *   them from the message being handled, or, in a step run as a job, {@link CausingActor} from the process): a grant
 *   revoked because an operator marked its holder compromised names that operator. Work no person caused (a timer) is
 *   the system's.</li>
 * </ul>
 * Axon's own trace and correlation ids (MessageOriginProvider) link every message to its cause.
 */
final class ActorMetadataInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, command) -> command.andMetaData(actorOf(command.getMetaData()));
    }

    static Map<String, Object> actorOf(MetaData causedBy) {
        Map<String, Object> meta = new HashMap<>();
        HttpServletRequest request = currentRequest();
        if (request == null) {
            Object cause = causedBy.get(ActorMetadata.ACTOR_ID);
            if (cause == null) {
                cause = CausingActor.current().orElse(ActorMetadata.SYSTEM);
            }
            meta.put(ActorMetadata.ACTOR_ID, cause);
            meta.put(ActorMetadata.CHANNEL, "PROCESS");
        } else {
            meta.put(ActorMetadata.ACTOR_ID, webActor(request));
            Object channel = request.getAttribute(ActorMetadata.CHANNEL_ATTRIBUTE);
            meta.put(ActorMetadata.CHANNEL, channel != null ? channel.toString()
                    : request.getRequestURI().startsWith("/api/") ? "API" : "WEB");
            meta.put(ActorMetadata.ADDRESS, request.getRemoteAddr());
        }
        String correlationId = MDC.get(ActorMetadata.CORRELATION_ID);
        if (correlationId != null) {
            meta.put(ActorMetadata.CORRELATION_ID, correlationId);
        }
        return meta;
    }

    private static String webActor(HttpServletRequest request) {
        Object proven = request.getAttribute(ActorMetadata.ACTOR_ATTRIBUTE);
        if (proven != null) {
            return proven.toString();
        }
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        boolean person = auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken);
        return person ? auth.getName() : ActorMetadata.SYSTEM;
    }

    private static HttpServletRequest currentRequest() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        return attributes instanceof ServletRequestAttributes servlet ? servlet.getRequest() : null;
    }
}
