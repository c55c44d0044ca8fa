package org.tierslieux.billing.closing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.tierslieux.billing.invoice.DocumentPdfs;
import org.tierslieux.billing.invoice.DocumentStore;
import org.tierslieux.billing.invoice.Footprints;
import org.tierslieux.billing.invoice.api.DocumentResponse;

/**
 * Builds a closing's archive, a ZIP whose entries come in a fixed order with a fixed date: {@code LISEZMOI.txt},
 * {@code cloture.json} and {@code cloture.txt} (the closing and its canonical text, whose SHA-256 is its
 * footprint), then for each document of the period in issue order {@code documents/NUMBER.json},
 * {@code documents/NUMBER.txt} (its canonical text: {@code sha256sum} of it is its footprint) and
 * {@code pdf/NUMBER.pdf}, and last {@code SHA256SUMS} (checked with {@code sha256sum -c SHA256SUMS}).
 */
@ApplicationScoped
class ClosingArchive {

    private final DocumentStore store;
    private final Instance<DocumentPdfs> pdfs;
    private final ObjectMapper json;

    ClosingArchive(DocumentStore store, Instance<DocumentPdfs> pdfs, ObjectMapper json) {
        this.store = store;
        this.pdfs = pdfs;
        this.json = json.copy().enable(SerializationFeature.INDENT_OUTPUT);
    }

    byte[] build(PeriodClosing closing, String placeName, ZoneId zone) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        boolean withPdf = pdfs.isResolvable();
        entries.put("LISEZMOI.txt", readme(closing, placeName, withPdf).getBytes(StandardCharsets.UTF_8));
        entries.put("cloture.json", write(ClosingView.of(closing, zone)));
        entries.put("cloture.txt", ClosingFootprints.canonical(closing).getBytes(StandardCharsets.UTF_8));
        List<String> missing = new ArrayList<>();
        store.each(closing.periodStart(), closing.periodEnd(), d -> {
            String name = pdfs.isResolvable()
                    ? pdfs.get().fileName(d).replaceAll("\\.pdf$", "")
                    : d.number().replaceAll("[^A-Za-z0-9._-]", "_");
            entries.put("documents/" + name + ".json", write(DocumentResponse.of(d, zone, List.of(), null, null)));
            entries.put("documents/" + name + ".txt", Footprints.canonical(d).getBytes(StandardCharsets.UTF_8));
            if (withPdf) {
                entries.put("pdf/" + name + ".pdf", pdfs.get().pdf(d));
            } else {
                missing.add(name);
            }
        });
        StringBuilder sums = new StringBuilder();
        entries.forEach((path, bytes) ->
                sums.append(Footprints.sha256(bytes)).append("  ").append(path).append('\n'));
        entries.put("SHA256SUMS", sums.toString().getBytes(StandardCharsets.UTF_8));
        LocalDateTime stamp = closing.periodEnd().atTime(23, 59, 58);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            for (var e : entries.entrySet()) {
                ZipEntry entry = new ZipEntry(e.getKey());
                entry.setTimeLocal(stamp);
                zip.putNextEntry(entry);
                zip.write(e.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String readme(PeriodClosing c, String placeName, boolean withPdf) {
        return "Clôture " + ("YEAR".equals(c.kind()) ? "de l'exercice " : "du mois ") + c.label() + " — " + placeName
                + "\n\nPériode : du " + c.periodStart() + " au " + c.periodEnd()
                + "\nDocuments : " + c.documents()
                + "\nEmpreinte de la clôture : " + c.footprint()
                + "\nEmpreinte précédente : " + c.previousFootprint()
                + "\nEmpreinte du dernier document : " + c.lastDocumentFootprint()
                + "\n\nContenu :"
                + "\n- cloture.json, cloture.txt : la clôture ; sha256(cloture.txt) = empreinte de la clôture."
                + "\n- documents/*.json : chaque facture et avoir de la période, tel qu'émis."
                + "\n- documents/*.txt : leur sérialisation canonique ; sha256 du fichier = empreinte du document"
                + " (elle contient l'empreinte du document précédent : c'est la chaîne)."
                + (withPdf ? "\n- pdf/*.pdf : les PDF (PDF/A-3, Factur-X) des documents." : "")
                + "\n- SHA256SUMS : l'empreinte de chaque fichier ; vérification : sha256sum -c SHA256SUMS"
                + "\n";
    }

    private byte[] write(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
