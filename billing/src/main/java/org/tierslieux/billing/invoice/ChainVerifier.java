package org.tierslieux.billing.invoice;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.tierslieux.core.tenancy.PlaceContext;

/**
 * Checks the current place's footprint chain: from the genesis (64 zeros), each document must name the previous
 * footprint as its own {@code previousFootprint}, and its footprint must be the SHA-256 of its canonical
 * serialisation as stored now; the last must be the chain head. The first link that fails is reported: a
 * changed document (its footprint no longer matches its content), a removed or inserted one (the chain does
 * not lead to it), or a head that does not match.
 */
@ApplicationScoped
public class ChainVerifier {

    /** The first broken link: the document, why ({@code reason}), what was expected and what was found. */
    public record Broken(
            DocumentId id, String number, LocalDate issueDate, String reason, String expected, String found) {}

    /** The result of a check: {@code checked} documents verified before the first broken link (or all). */
    public record Verification(boolean valid, long checked, Broken firstBroken, String head) {}

    private record Link(UUID id, String number, LocalDate issueDate, String previous, String footprint) {}

    private final PlaceContext placeContext;
    private final DocumentStore store;

    ChainVerifier(PlaceContext placeContext, DocumentStore store) {
        this.placeContext = placeContext;
        this.store = store;
    }

    @Transactional
    public Verification verify() {
        UUID tenant = placeContext.require().id().value();
        List<Link> links = Jdbc.list(
                "select id, number, issue_date, previous_footprint, footprint from document where tenant_id = ?"
                        + " order by issued_at, series, sequence",
                r -> new Link(
                        Jdbc.uuid(r, "id"),
                        r.getString("number"),
                        Jdbc.date(r, "issue_date"),
                        r.getString("previous_footprint"),
                        r.getString("footprint")),
                tenant);
        Map<String, Link> byPrevious = new HashMap<>();
        for (Link l : links) {
            Link twice = byPrevious.putIfAbsent(l.previous(), l);
            if (twice != null) {
                // two documents claim the same predecessor: the later one is the broken link
                return new Verification(false, 0, broken(l, "fork", twice.number(), l.previous()), null);
            }
        }
        String head = Jdbc.one(
                        "select last_footprint from document_chain where tenant_id = ?", r -> r.getString(1), tenant)
                .orElse(Footprints.GENESIS);
        String expected = Footprints.GENESIS;
        long checked = 0;
        java.util.Set<UUID> visited = new java.util.HashSet<>();
        while (true) {
            Link next = byPrevious.get(expected);
            if (next == null) {
                break;
            }
            IssuedDocument d = store.find(new DocumentId(next.id())).orElseThrow();
            String recomputed = Footprints.footprint(d);
            if (!recomputed.equals(d.footprint())) {
                return new Verification(
                        false, checked, broken(next, "footprint-mismatch", recomputed, d.footprint()), head);
            }
            visited.add(next.id());
            checked++;
            expected = d.footprint();
        }
        for (Link l : links) {
            if (!visited.contains(l.id())) {
                // the chain stops before this document: its link (or one before it) was changed or removed
                return new Verification(false, checked, broken(l, "link-broken", expected, l.previous()), head);
            }
        }
        if (!expected.equals(head)) {
            return new Verification(
                    false, checked, new Broken(null, null, null, "head-mismatch", expected, head), head);
        }
        return new Verification(true, checked, null, head);
    }

    private static Broken broken(Link l, String reason, String expected, String found) {
        return new Broken(new DocumentId(l.id()), l.number(), l.issueDate(), reason, expected, found);
    }
}
