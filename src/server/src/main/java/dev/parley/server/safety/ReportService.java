package dev.parley.server.safety;

import dev.parley.protocol.ProtocolException;
import dev.parley.protocol.Reply;
import dev.parley.protocol.Request;
import dev.parley.server.net.Identity;
import dev.parley.server.social.AccountLimits;
import dev.parley.server.social.PresenceService;
import dev.parley.server.store.AccountStore;
import dev.parley.server.store.ReportEvidence;
import dev.parley.server.store.ReportRecord;
import dev.parley.server.store.ReportStore;
import dev.parley.server.store.SocialStore;
import dev.parley.server.store.UserRecord;
import dev.parley.server.store.UserRef;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports of abuse: who may report whom, the evidence kept with a report, and a per-account limit so that
 * reports cannot flood the moderators. Moderators read and resolve reports with the server's CLI.
 */
public final class ReportService {
    private static final Logger log = LoggerFactory.getLogger(ReportService.class);
    /** One answer for every kind of "cannot report that", so a report never reveals who exists. */
    private static final String NOTHING_TO_REPORT = "no such person or conversation to report";

    private final ReportStore reports;
    private final AccountStore accounts;
    private final SocialStore social;
    private final AccountLimits limits;
    private final Clock clock;
    private final PresenceService presence;

    public ReportService(ReportStore reports, AccountStore accounts, SocialStore social, AccountLimits limits,
            Clock clock, PresenceService presence) {
        this.presence = presence;
        this.reports = reports;
        this.accounts = accounts;
        this.social = social;
        this.limits = limits;
        this.clock = clock;
    }

    /**
     * Files a report. With a conversation, the reported person must be its other member, and may have blocked
     * the reporter since: someone who harassed you and then blocked you stays reportable. Without one, the
     * reporter can report only people they can see ({@code SocialService.visibleUser}).
     */
    public CompletableFuture<Reply.ReportReceipt> create(Identity me, Request.ReportCreate request) {
        if (request.handle().equals(me.handle())) {
            throw ProtocolException.badRequest("you cannot report yourself");
        }
        // Before the look-up: a limit spent only on existing handles would tell which handles exist.
        limits.report(me.userId());
        boolean inConversation = request.conversationId() != null;
        UserRecord reported = accounts.findByHandle(request.handle())
                // In a conversation, the store checks that it is theirs, inside the write.
                .filter(user -> inConversation || !social.blocks(user.id(), me.userId()))
                .orElseThrow(ReportService::nothingToReport);
        boolean wereFriends = social.relationship(me.userId(), reported.id(), reported.handle()).friends();
        ReportStore.Filing filing = new ReportStore.Filing(me.userId(), reported.id(), request.conversationId(),
                request.reason(), request.note(), request.block());
        return reports.file(filing, clock.instant()).thenApply(filed -> {
            ReportEvidence evidence = filed.orElseThrow(ReportService::nothingToReport);
            ReportRecord report = evidence.report();
            if (request.block() && wereFriends) {
                // The block ended a friendship: neither sees the other online any more.
                presence.friendshipChanged(new UserRef(me.userId(), me.handle()),
                        new UserRef(reported.id(), reported.handle()));
            }
            log.info("report {} filed by user {} against user {}: {}, {} messages{}", report.id(), me.userId(),
                    reported.id(), report.reason().wireName(), report.messageCount(),
                    request.block() ? ", blocked" : "");
            return new Reply.ReportReceipt(report.id(), report.createdAt(), report.reason(), report.note(),
                    report.reported(), report.conversationId(), evidence.messages(), request.block());
        });
    }

    private static ProtocolException nothingToReport() {
        return ProtocolException.notFound(NOTHING_TO_REPORT);
    }
}
