package io.grantline.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.zaxxer.hikari.HikariDataSource;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.PostgresTokenTableFactory;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.PostgresEventTableFactory;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The other floor under issue 8's rates ({@link EngineFloorBenchmark} is the first): what Axon's event sourcing costs
 * for the commands a request sends, with nothing of Grantline's in them. The same PostgreSQL, Axon's own JDBC event
 * store (no hash chain), a Hikari pool of 20, one aggregate type whose handlers only apply an event, one tracking
 * processor (batch 50) that reads every event and does nothing with it. A request sends what Grantline's sends, each
 * command its own unit of work and grouped into transactions as there: filing opens one aggregate (the request filed,
 * the HTTP call's transaction) and moves it twice in one transaction (its separation of duties checked and its first
 * stage opened, Grantline's first job); approval moves it (the decision, the HTTP call), then moves it and opens a second
 * aggregate in one transaction (the approval and the grant, a job), then moves that one (its provisioning, a job). Grantline does more in each (two aggregates loaded to file,
 * the holder's grants read to check, a hash per event, five read models and three processors reading), so these rates
 * are above what Grantline can reach on the same machine.
 */
public final class AxonFloorBenchmark {

    record Open(@TargetAggregateIdentifier String id) {
    }

    record Move(@TargetAggregateIdentifier String id, String step) {
    }

    record Opened(String id) {
    }

    record Moved(String id, String step) {
    }

    /** One stream per request or grant; loading it replays its events, as Grantline's aggregates do. */
    public static class Ticket {
        @AggregateIdentifier
        private String id;
        private int moves;

        public Ticket() {
        }

        @CommandHandler
        public Ticket(Open command) {
            AggregateLifecycle.apply(new Opened(command.id()));
        }

        @CommandHandler
        public void handle(Move command) {
            AggregateLifecycle.apply(new Moved(id, command.step()));
        }

        @EventSourcingHandler
        void on(Opened event) {
            id = event.id();
        }

        @EventSourcingHandler
        void on(Moved event) {
            moves++;
        }
    }

    /** Reads every event, as the process bridge and each read model do before any work of their own. */
    @ProcessingGroup("reader")
    public static class Reader {
        final AtomicInteger seen = new AtomicInteger();

        @EventHandler
        void on(Object event) {
            seen.incrementAndGet();
        }
    }

    private final CommandGateway commands;
    private final TransactionManager transactions;
    private final Reader reader;
    private final int clients;

    private AxonFloorBenchmark(CommandGateway commands, TransactionManager transactions, Reader reader, int clients) {
        this.commands = commands;
        this.transactions = transactions;
        this.reader = reader;
        this.clients = clients;
    }

    public static void main(String[] args) throws Exception {
        Floors.Options options = Floors.Options.parse(args, "bench/target/axon-floor");
        options.pgbenchFirst();
        try (PipelineDatabase database = PipelineDatabase.create(options.pg(), "grantline_axon_floor");
             HikariDataSource pool = Floors.pool(database.url())) {
            Reader reader = new Reader();
            Configuration axon = axon(pool, reader);
            axon.start();
            try {
                AxonFloorBenchmark benchmark = new AxonFloorBenchmark(axon.commandGateway(), axon.getComponent(TransactionManager.class), reader, options.clients());
                benchmark.file("warmup-", options.warmup());
                benchmark.approve("warmup-", options.warmup());
                options.settle(database);
                System.out.printf(Locale.ROOT, "warmed up with %d requests; timed: %d requests from %d clients%n", options.warmup(),
                        options.requests(), options.clients());
                Floors.report("filing (3 commands in 2 transactions)", "request", options.requests(), benchmark.file("timed-", options.requests()));
                Floors.report("approval (4 commands in 3 transactions)", "grant", options.requests(), benchmark.approve("timed-", options.requests()));
            } finally {
                axon.shutdown();
            }
        }
    }

    private static Configuration axon(HikariDataSource dataSource, Reader reader) {
        TransactionManager transactions = new SpringTransactionManager(new DataSourceTransactionManager(dataSource));
        ConnectionProvider connections = new UnitOfWorkAwareConnectionProviderWrapper(new SpringDataSourceConnectionProvider(dataSource));
        Serializer json = JacksonSerializer.defaultSerializer();
        JdbcEventStorageEngine storage = JdbcEventStorageEngine.builder()
                .connectionProvider(connections).transactionManager(transactions)
                .eventSerializer(json).snapshotSerializer(json)
                .build();
        storage.createSchema(PostgresEventTableFactory.INSTANCE);
        JdbcTokenStore tokens = JdbcTokenStore.builder().connectionProvider(connections).serializer(json).build();
        transactions.executeInTransaction(() -> tokens.createSchema(PostgresTokenTableFactory.INSTANCE));
        return DefaultConfigurer.defaultConfiguration()
                .configureSerializer(config -> json)
                .configureTransactionManager(config -> transactions)
                .configureEmbeddedEventStore(config -> storage)
                .configureAggregate(Ticket.class)
                .eventProcessing(processing -> processing
                        .registerTokenStore(config -> tokens)
                        .registerTrackingEventProcessor("reader")
                        .registerTrackingEventProcessorConfiguration("reader",
                                config -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing().andBatchSize(50))
                        .registerEventHandler(config -> reader))
                .buildConfiguration();
    }

    private Floors.Measured file(String prefix, int count) throws Exception {
        int target = reader.seen.get() + 3 * count;
        CpuMeter cpu = CpuMeter.start(ProcessHandle.current().pid());
        long started = System.nanoTime();
        Floors.inParallel(clients, count, i -> {
            String request = prefix + "request-" + i;
            commands.sendAndWait(new Open(request));
            transactions.executeInTransaction(() -> {
                commands.sendAndWait(new Move(request, "separation of duties checked"));
                commands.sendAndWait(new Move(request, "stage opened"));
            });
        });
        awaitAtLeast(target);
        return new Floors.Measured(System.nanoTime() - started, cpu);
    }

    private Floors.Measured approve(String prefix, int count) throws Exception {
        int target = reader.seen.get() + 4 * count;
        CpuMeter cpu = CpuMeter.start(ProcessHandle.current().pid());
        long started = System.nanoTime();
        Floors.inParallel(clients, count, i -> {
            String request = prefix + "request-" + i;
            String grant = prefix + "grant-" + i;
            commands.sendAndWait(new Move(request, "decided"));
            transactions.executeInTransaction(() -> {
                commands.sendAndWait(new Move(request, "approved"));
                commands.sendAndWait(new Open(grant));
            });
            commands.sendAndWait(new Move(grant, "provisioned"));
        });
        awaitAtLeast(target);
        return new Floors.Measured(System.nanoTime() - started, cpu);
    }

    private void awaitAtLeast(int target) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (reader.seen.get() < target) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("events read: " + reader.seen.get() + " of " + target + " after 10 minutes");
            }
            Thread.sleep(20);
        }
    }
}
