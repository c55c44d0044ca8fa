package org.tierslieux.billing.invoice;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.tierslieux.core.error.DomainException;
import org.tierslieux.core.membership.Company;
import org.tierslieux.core.membership.CompanyService;
import org.tierslieux.core.people.PersonId;

/**
 * Who sees which documents: a treasurer every document of the place; anyone else their own, that is the
 * documents billed to them or to a company whose billing contact they are. Another's document is "not found".
 */
@ApplicationScoped
public class InvoiceQueries {

    /** The documents a caller may see: all of them, or those of a person and their companies. */
    public record Viewer(PersonId person, boolean treasurer) {}

    private final DocumentStore store;
    private final CompanyService companies;
    private final Instance<DocumentPdfs> pdfs;

    InvoiceQueries(DocumentStore store, CompanyService companies, Instance<DocumentPdfs> pdfs) {
        this.store = store;
        this.companies = companies;
        this.pdfs = pdfs;
    }

    @Transactional
    public List<DocumentStore.Summary> list(Viewer viewer, DocumentStore.Filter filter, int page, int size) {
        return store.list(restrict(viewer, filter), page, size);
    }

    @Transactional
    public long count(Viewer viewer, DocumentStore.Filter filter) {
        return store.count(restrict(viewer, filter));
    }

    /** A document the viewer may see; 404 {@code invoice.not-found} otherwise. */
    @Transactional
    public IssuedDocument get(Viewer viewer, DocumentId id) {
        IssuedDocument d = store.find(id).orElseThrow(() -> notFound(id));
        if (viewer.treasurer()) {
            return d;
        }
        UUID me = viewer.person().value();
        if (me.equals(d.buyerPersonId())
                || (d.buyerCompanyId() != null
                        && companiesBilledTo(viewer.person()).contains(d.buyerCompanyId()))) {
            return d;
        }
        throw notFound(id);
    }

    /** The PDF of a document the viewer may see, rendered and kept on first call. */
    @Transactional
    public Pdf pdf(Viewer viewer, DocumentId id) {
        IssuedDocument d = get(viewer, id);
        if (!pdfs.isResolvable()) {
            throw new DomainException(503, "invoice.pdf-unavailable", Map.of());
        }
        DocumentPdfs renderer = pdfs.get();
        return new Pdf(renderer.fileName(d), renderer.pdf(d));
    }

    /** A rendered PDF and its file name. */
    public record Pdf(String fileName, byte[] bytes) {}

    /** Checks a period of a list or export: from ≤ to, at most ten years, years 1900..2999. */
    public static void checkRange(LocalDate from, LocalDate to) {
        if (from != null
                && to != null
                && (from.isAfter(to) || from.plusYears(10).isBefore(to))) {
            throw DomainException.invalid("invoice.range-invalid", Map.of());
        }
        for (LocalDate d : new LocalDate[] {from, to}) {
            if (d != null && (d.getYear() < 1900 || d.getYear() > 2999)) {
                throw DomainException.invalid("invoice.range-invalid", Map.of());
            }
        }
    }

    private DocumentStore.Filter restrict(Viewer viewer, DocumentStore.Filter f) {
        checkRange(f.from(), f.to());
        if (viewer.treasurer()) {
            return f;
        }
        return new DocumentStore.Filter(
                f.from(), f.to(), f.type(), f.q(), viewer.person().value(), companiesBilledTo(viewer.person()));
    }

    private List<UUID> companiesBilledTo(PersonId person) {
        return companies.companies().stream()
                .filter(c -> person.equals(c.billingContact()))
                .map(Company::id)
                .map(c -> c.value())
                .toList();
    }

    private static DomainException notFound(DocumentId id) {
        return DomainException.notFound("invoice.not-found", Map.of("id", id.toString()));
    }
}
