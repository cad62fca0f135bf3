package io.grantline.infra.axon;

import com.mongodb.client.MongoClient;
import io.grantline.api.common.EventJson;
import io.grantline.command.entitlement.Entitlement;
import io.grantline.command.entitlement.EntitlementCatalog;
import io.grantline.command.entitlement.EventSourcedEntitlementCatalog;
import io.grantline.command.identity.EventSourcedIdentityDirectory;
import io.grantline.command.identity.Identity;
import io.grantline.command.identity.IdentityDirectory;
import io.grantline.infra.chain.ChainingJdbcEventStorageEngine;
import io.grantline.infra.domain.ReadAheadEntitlementCatalog;
import io.grantline.query.campaign.CampaignProjection;
import io.grantline.query.catalog.CatalogProjection;
import io.grantline.query.grant.GrantProjection;
import io.grantline.query.request.AccessRequestProjection;
import io.grantline.workflow.identity.StreamReadAhead;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcSQLErrorCodesResolver;
import org.springframework.context.annotation.Bean;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.modelling.command.Repository;
import org.axonframework.common.Priority;
import org.axonframework.common.lock.NullLockFactory;
import java.lang.reflect.Executable;
import java.lang.reflect.Parameter;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.MultiParameterResolverFactory;
import org.axonframework.messaging.annotation.ParameterResolver;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.mongo.MongoProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * How Axon runs here: JSON events in the JDBC event store (same database and transaction as Camunda), read-model
 * tokens beside the read models in MongoDB, and who-did-it metadata on every command and event.
 */
@Configuration(proxyBeanMethods = false)
class AxonConfiguration {

    /** The processing groups whose read models live in MongoDB keep their tokens there, so both are rebuilt together. */
    static final String[] MONGO_PROCESSING_GROUPS = {CatalogProjection.PROCESSING_GROUP, AccessRequestProjection.PROCESSING_GROUP,
            GrantProjection.PROCESSING_GROUP, "access-views", CampaignProjection.PROCESSING_GROUP};

    @Bean
    @Primary
    Serializer serializer() {
        return jsonSerializer();
    }

    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer() {
        return jsonSerializer();
    }

    @Bean
    @Qualifier("messageSerializer")
    Serializer messageSerializer() {
        return jsonSerializer();
    }

    /**
     * The default event store polls every second; a short fetch delay lets a process or a read model see an event
     * about 100 ms after its transaction commits. Each event is hash-chained in its own transaction (docs/adr/0004).
     */
    @Bean
    ChainingJdbcEventStorageEngine eventStorageEngine(Serializer serializer, @Qualifier("eventSerializer") Serializer eventSerializer,
                                          PersistenceExceptionResolver persistenceExceptionResolver,
                                          org.axonframework.config.Configuration axon, ConnectionProvider connectionProvider,
                                          TransactionManager transactionManager) {
        return new ChainingJdbcEventStorageEngine(JdbcEventStorageEngine.builder()
                .snapshotSerializer(serializer)
                .eventSerializer(eventSerializer)
                .upcasterChain(axon.upcasterChain())
                .snapshotFilter(axon.snapshotFilter())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(new EventSchema()), transactionManager);
    }

    /** Bulk steps read many streams with one query before their commands load them (the kill switch). */
    @Bean
    StreamReadAhead streamReadAhead(ChainingJdbcEventStorageEngine storageEngine) {
        return storageEngine::readAhead;
    }

    @Bean
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine) {
        return EmbeddedEventStore.builder().storageEngine(storageEngine).fetchDelay(100).build();
    }

    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return new JdbcSQLErrorCodesResolver();
    }

    /**
     * Command handlers read identities and entitlements as facts, from their events, without taking the aggregate's
     * lock: Axon's repositories lock each aggregate they load until the unit of work ends, and a filing (which reads
     * its entitlement, then its people) and a process step (which reads them in another order) deadlocked one another
     * under load. A read needs no lock: it sees the committed events and those staged in its own unit of work.
     */
    @Bean
    IdentityDirectory identityDirectory(EventStore eventStore) {
        return new EventSourcedIdentityDirectory(readOnly(Identity.class, eventStore));
    }

    @Bean
    EntitlementCatalog entitlementCatalog(EventStore eventStore, ChainingJdbcEventStorageEngine storageEngine) {
        return new ReadAheadEntitlementCatalog(new EventSourcedEntitlementCatalog(readOnly(Entitlement.class, eventStore)), storageEngine);
    }

    /**
     * Only the aggregate's event-sourcing handlers run through this repository, never its command handlers: their
     * Spring-bean parameters (a directory, a clock) resolve to nothing here rather than failing the inspection.
     */
    private static <T> Repository<T> readOnly(Class<T> aggregateType, EventStore eventStore) {
        ParameterResolverFactory resolvers = MultiParameterResolverFactory.ordered(
                ClasspathParameterResolverFactory.forClass(aggregateType), CommandHandlerParametersUnused.INSTANCE);
        return EventSourcingRepository.builder(aggregateType).eventStore(eventStore).lockFactory(NullLockFactory.INSTANCE)
                .parameterResolverFactory(resolvers).build();
    }

    /**
     * Resolves to null any parameter after the first (the message's payload, which Axon's own factories resolve) that no
     * other factory resolves: for handlers a read-only repository never invokes. Asked last.
     */
    @Priority(Priority.LAST)
    private enum CommandHandlerParametersUnused implements ParameterResolverFactory {
        INSTANCE;

        @Override
        public ParameterResolver<?> createInstance(Executable executable, Parameter[] parameters, int parameterIndex) {
            if (parameterIndex == 0) {
                return null;
            }
            return new ParameterResolver<Object>() {
                @Override
                public Object resolveParameterValue(Message<?> message) {
                    return null;
                }

                @Override
                public boolean matches(Message<?> message) {
                    return true;
                }
            };
        }
    }

    @Bean
    ConfigurerModule mongoTokenStores(MongoClient mongoClient, MongoProperties mongo) {
        return configurer -> configurer.eventProcessing(processing -> {
            for (String group : MONGO_PROCESSING_GROUPS) {
                processing.registerTokenStore(group, config -> MongoTokenStore.builder()
                        .mongoTemplate(DefaultMongoTemplate.builder()
                                .mongoDatabase(mongoClient, mongo.getMongoClientDatabase())
                                .build())
                        .serializer(config.serializer())
                        .build());
            }
        });
    }

    /**
     * A handler that fails does not skip its event: the processor stops, retries with back-off, and goes on only once
     * the event is handled. Read models and processes never silently miss a fact.
     */
    @Bean
    ConfigurerModule failedEventsAreRetried() {
        return configurer -> configurer.eventProcessing(processing ->
                processing.registerDefaultListenerInvocationErrorHandler(config -> PropagatingErrorHandler.instance()));
    }

    /** Copies who acted, through which channel and from where, from each command onto the events it causes. */
    @Bean
    CorrelationDataProvider actorCorrelation() {
        return new SimpleCorrelationDataProvider(ActorMetadata.KEYS);
    }

    /**
     * Axon's trace and correlation ids: declaring a provider of our own replaces Axon's default one, so it is declared
     * again here, and every message keeps pointing at the message that caused it.
     */
    @Bean
    CorrelationDataProvider messageOrigin() {
        return new MessageOriginProvider();
    }

    @Bean
    ActorMetadataInterceptor actorMetadataInterceptor(CommandBus commandBus) {
        ActorMetadataInterceptor interceptor = new ActorMetadataInterceptor();
        commandBus.registerDispatchInterceptor(interceptor);
        return interceptor;
    }

    private static JacksonSerializer jsonSerializer() {
        return JacksonSerializer.builder().objectMapper(EventJson.objectMapper()).build();
    }
}
