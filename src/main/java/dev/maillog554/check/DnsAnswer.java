package dev.maillog554.check;

import java.util.List;

import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;

/**
 * What the resolver said to one question.
 *
 * @param kind    records, none of that type, no such name, or no usable answer
 * @param records the answer's records of the asked type (a CNAME the resolver followed is left out)
 * @param problem why there is no usable answer ("timeout after 3 s", "SERVFAIL"), else empty
 */
record DnsAnswer(Kind kind, List<Record> records, String problem) {

    enum Kind {
        /** At least one record of the asked type. */
        RECORDS,
        /** The name exists but has no record of that type (NOERROR, empty answer). */
        NO_DATA,
        /** The name does not exist. */
        NXDOMAIN,
        /** Timeout, SERVFAIL, REFUSED, no network: the question is still open. */
        FAILED
    }

    DnsAnswer {
        records = records == null ? List.of() : List.copyOf(records);
        problem = problem == null ? "" : problem;
    }

    static DnsAnswer failed(String problem) {
        return new DnsAnswer(Kind.FAILED, List.of(), problem);
    }

    /** Reads a reply to a question of {@code type}. */
    static DnsAnswer of(Message reply, int type) {
        int rcode = reply.getRcode();
        if (rcode == Rcode.NXDOMAIN) {
            return new DnsAnswer(Kind.NXDOMAIN, List.of(), "");
        }
        if (rcode != Rcode.NOERROR) {
            return failed(Rcode.string(rcode));
        }
        List<Record> of = reply.getSection(Section.ANSWER).stream().filter(r -> r.getType() == type).toList();
        return new DnsAnswer(of.isEmpty() ? Kind.NO_DATA : Kind.RECORDS, of, "");
    }

    boolean failed() {
        return kind == Kind.FAILED;
    }

    /** True for "no such name" and "no record of that type": the name has nothing to say. */
    boolean empty() {
        return kind == Kind.NXDOMAIN || kind == Kind.NO_DATA;
    }
}
