package io.grantline.infra.axon;

import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.slf4j.MDC;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Puts the authenticated actor, the channel and the caller's address on every command, in one place, so no handler
 * sets them by hand. Commands sent outside a web request (process steps, timers) are the system's. Metadata a caller
 * put on the command itself is never trusted: it is overwritten.
 */
final class ActorMetadataInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, command) -> command.andMetaData(currentActor());
    }

    static Map<String, Object> currentActor() {
        Map<String, Object> meta = new HashMap<>();
        HttpServletRequest request = currentRequest();
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        boolean person = auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken);
        meta.put(ActorMetadata.ACTOR_ID, person ? auth.getName() : ActorMetadata.SYSTEM);
        if (request == null) {
            meta.put(ActorMetadata.CHANNEL, "PROCESS");
        } else {
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

    private static HttpServletRequest currentRequest() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        return attributes instanceof ServletRequestAttributes servlet ? servlet.getRequest() : null;
    }
}
