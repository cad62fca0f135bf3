package io.grantline.infra.chain;

import io.grantline.api.identity.IdentityKind;
import io.grantline.api.identity.IdentityStatus;
import io.grantline.api.identity.IdentitySummary;
import io.grantline.api.identity.ListIdentities;
import io.grantline.api.identity.Role;
import io.grantline.workflow.mail.Mail;
import io.grantline.workflow.mail.MailOutbox;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.HtmlUtils;

/**
 * The second witness outside the database: once a day, every active compliance officer with an email address gets the
 * heads signed since the day before (at least the newest one), with the public key. Kept in their mailboxes, or
 * forwarded to an archive, they are heads the database's writers cannot reach. One node of a cluster sends the day's
 * mail: the day's row in {@code chain_witness_mail} is taken once.
 */
@Component
class ChainWitnessMail {

    static final String SUBJECT = "Grantline signed chain heads";
    private static final int MOST_HEADS = 500;
    private static final OffsetDateTime EPOCH = OffsetDateTime.parse("1970-01-01T00:00:00Z");
    private static final Logger log = LoggerFactory.getLogger(ChainWitnessMail.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final QueryGateway queries;
    private final MailOutbox outbox;
    private final ChainSigningKey key;
    private final Clock clock;

    ChainWitnessMail(JdbcClient jdbc, TransactionTemplate transactions, QueryGateway queries, MailOutbox outbox,
                     ChainSigningKey key, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.queries = queries;
        this.outbox = outbox;
        this.key = key;
        this.clock = clock;
    }

    /** The scheduled run: today's mail, unless this or another node has sent it. */
    void sendToday() {
        send(LocalDate.now(clock));
    }

    /** Sends the mail of {@code day} to every compliance officer; false when that day's mail was already sent. */
    boolean send(LocalDate day) {
        List<String> recipients = complianceOfficers();
        Boolean sent = transactions.execute(status -> {
            OffsetDateTime since = jdbc.sql("SELECT sent_at FROM chain_witness_mail ORDER BY sent_at DESC FETCH FIRST 1 ROWS ONLY")
                    .query(OffsetDateTime.class).optional().orElse(EPOCH);
            try {
                jdbc.sql("INSERT INTO chain_witness_mail (mail_day, sent_at) VALUES (?, ?)")
                        .params(day, OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC)).update();
            } catch (DuplicateKeyException alreadySent) {
                return false;
            }
            List<SignedHead> heads = headsSince(since);
            if (heads.isEmpty()) {
                log.info("No signed chain head to mail for {}", day);
                return true;
            }
            String text = text(day, heads);
            String html = "<pre style=\"font-family:monospace\">" + HtmlUtils.htmlEscape(text) + "</pre>";
            // queued with the day's row: the mail leaves exactly when the day counts as mailed
            recipients.forEach(to -> outbox.enqueue("chain-witness/" + day + "/" + to, new Mail(to, SUBJECT + " of " + day, text, html)));
            log.info("Mailed {} signed chain head(s) of {} to {} compliance officer(s)", heads.size(), day, recipients.size());
            return true;
        });
        return Boolean.TRUE.equals(sent);
    }

    private List<String> complianceOfficers() {
        return queries.query(new ListIdentities(IdentityKind.HUMAN), ResponseTypes.multipleInstancesOf(IdentitySummary.class)).join()
                .stream()
                .filter(identity -> identity.status() == IdentityStatus.ACTIVE && identity.roles().contains(Role.COMPLIANCE_OFFICER))
                .map(IdentitySummary::email)
                .filter(email -> email != null && !email.isBlank())
                .sorted()
                .toList();
    }

    /** The heads signed after {@code since}, oldest first, at most {@value #MOST_HEADS}; at least the newest head. */
    private List<SignedHead> headsSince(OffsetDateTime since) {
        String columns = ChainCheckpoints.SELECT_HEADS;
        List<SignedHead> heads = new ArrayList<>(jdbc.sql(columns + " WHERE created_at > ? AND signature IS NOT NULL ORDER BY id DESC"
                        + " FETCH FIRST " + MOST_HEADS + " ROWS ONLY")
                .param(since)
                .query((row, n) -> ChainCheckpoints.head(row)).list());
        if (heads.isEmpty()) {
            heads.addAll(jdbc.sql(columns + " WHERE signature IS NOT NULL ORDER BY id DESC FETCH FIRST 1 ROWS ONLY")
                    .query((row, n) -> ChainCheckpoints.head(row)).list());
        }
        Collections.reverse(heads);
        return heads;
    }

    private String text(LocalDate day, List<SignedHead> heads) {
        StringBuilder text = new StringBuilder();
        text.append("The heads of Grantline's event store signed since the last of these mails (").append(day).append(").\n")
                .append("Keep this mail where Grantline's database administrators cannot change it. Any head below proves\n")
                .append("later that the store was neither rewritten nor rolled back: POST it to /api/compliance/verify as\n")
                .append("{\"head\": {\"globalIndex\": ..., \"chainHead\": ..., \"signature\": ...}}.\n\n");
        for (SignedHead head : heads) {
            text.append("checkpoint ").append(head.checkpointId()).append(" made ").append(head.createdAt())
                    .append(", ").append(head.eventCount()).append(" events\n")
                    .append("  globalIndex ").append(head.globalIndex()).append('\n')
                    .append("  chainHead   ").append(head.head()).append('\n')
                    .append("  signature   ").append(head.signature()).append('\n')
                    .append("  signed text ").append(head.statement()).append("\n\n");
        }
        text.append("Signed with Ed25519 key ").append(key.keyId()).append(":\n")
                .append(Base64.getEncoder().encodeToString(key.publicKey().getEncoded())).append('\n');
        return text.toString();
    }
}
