package dev.maillog554.aggregate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.maillog554.parse.Direction;
import dev.maillog554.parse.RejectionEvent;
import dev.maillog554.store.PartyGroup;
import dev.maillog554.store.Rollups;

/**
 * Inbound rejections by client and by sender domain, as pflogsumm's reject detail shows them: grouping our
 * own refusals by recipient domain says little (it is always ours), while the clients and senders refused
 * show who is kept out, and a partner blocked by mistake. Outbound rejections are ignored. Memory grows with
 * the distinct clients and sender domains. Not thread-safe; merge per-thread instances.
 */
public final class InboundView {

    /** Sender domain of the null sender {@code <>} (bounces, address verification probes). */
    public static final String NULL_SENDER = Rollups.NULL_SENDER;

    private final Map<String, Party> clients = new HashMap<>();
    private final Map<String, Party> senderDomains = new HashMap<>();

    /** Adds one rejection, if it is inbound. */
    public void add(RejectionEvent e, String category, String blocklist) {
        add(e.direction(), e.remoteIp(), e.remoteHost(), e.sender(), e.recipient(), category, blocklist, e.time(),
                e.time(), 1);
    }

    /**
     * Adds {@code count} inbound rejections that share these values (a stored group), seen from {@code first}
     * to {@code last}.
     */
    public void add(Direction direction, String clientIp, String clientName, String sender, String recipient,
                    String category, String blocklist, Instant first, Instant last, long count) {
        if (direction != Direction.INBOUND) {
            return;
        }
        String ip = Rollups.client(clientIp);
        long client = RecipientSet.fingerprint(ip);
        boolean named = recipient != null && !recipient.isEmpty();
        long rcpt = named ? RecipientSet.fingerprint(recipient) : 0;
        clients.computeIfAbsent(ip, k -> new Party()).add(clientName, true, client, named, rcpt, category,
                blocklist, first, last, count);
        senderDomains.computeIfAbsent(senderDomain(sender), k -> new Party()).add("", true, client, named, rcpt,
                category, blocklist, first, last, count);
    }

    /**
     * Adds an inbound rollup of the history: its distinct recipients (and a sender domain's clients) are sums of
     * daily distinct counts, which add up; a client's one address is counted as a distinct client.
     */
    public void add(PartyGroup g) {
        Party p = (g.client() ? clients : senderDomains).computeIfAbsent(g.party(), k -> new Party());
        p.add(g.name(), g.client(), g.client() ? RecipientSet.fingerprint(g.party()) : 0, false, 0, g.category(),
                g.blocklist(), g.first(), g.last(), g.count());
        p.clientSum += g.clients();
        p.recipientSum += g.recipients();
    }

    /** Adds everything another view counted (for inputs read in parallel). */
    public void merge(InboundView other) {
        other.clients.forEach((k, p) -> clients.merge(k, p, Party::merge));
        other.senderDomains.forEach((k, p) -> senderDomains.merge(k, p, Party::merge));
    }

    /** Refused clients, most rejections first (ties by key). */
    public List<PartyTally> clients() {
        return tallies(clients);
    }

    /** Refused sender domains, most rejections first (ties by key). */
    public List<PartyTally> senderDomains() {
        return tallies(senderDomains);
    }

    /** The lower-case domain of an envelope sender, {@link #NULL_SENDER} for {@code <>}. */
    static String senderDomain(String sender) {
        return Rollups.senderDomain(sender);
    }

    private static List<PartyTally> tallies(Map<String, Party> parties) {
        List<PartyTally> out = new ArrayList<>(parties.size());
        parties.forEach((k, p) -> out.add(new PartyTally(k, p.names.top(), p.count,
                p.recipients.size() + p.recipientSum, p.clients.size() + p.clientSum, p.categories.top(),
                p.blocklists.top(), p.first, p.last)));
        out.sort(Comparator.comparingLong(PartyTally::count).reversed().thenComparing(PartyTally::key));
        return List.copyOf(out);
    }

    /** Running counts of one client or sender domain. */
    private static final class Party {
        long count;
        Instant first;
        Instant last;
        final FewCounts names = new FewCounts();
        final FewCounts categories = new FewCounts();
        final FewCounts blocklists = new FewCounts();
        final RecipientSet recipients = new RecipientSet();
        // Client IPs are counted like addresses: distinct fingerprints.
        final RecipientSet clients = new RecipientSet();
        // From the history's rollups: sums of daily distinct counts, beside the sets.
        long recipientSum;
        long clientSum;

        void add(String name, boolean counted, long client, boolean named, long recipient, String category,
                 String blocklist, Instant from, Instant to, long n) {
            count += n;
            first = from == null || (first != null && !from.isBefore(first)) ? first : from;
            last = to == null || (last != null && !to.isAfter(last)) ? last : to;
            names.add(name == null ? "" : name, n);
            if (counted) {
                clients.addFingerprint(client);
            }
            categories.add(category, n);
            blocklists.add(blocklist == null ? "" : blocklist, n);
            if (named) {
                recipients.addFingerprint(recipient);
            }
        }

        Party merge(Party o) {
            count += o.count;
            first = o.first == null || (first != null && !o.first.isBefore(first)) ? first : o.first;
            last = o.last == null || (last != null && !o.last.isAfter(last)) ? last : o.last;
            names.addAll(o.names);
            clients.addAll(o.clients);
            categories.addAll(o.categories);
            blocklists.addAll(o.blocklists);
            recipients.addAll(o.recipients);
            recipientSum += o.recipientSum;
            clientSum += o.clientSum;
            return this;
        }
    }
}
