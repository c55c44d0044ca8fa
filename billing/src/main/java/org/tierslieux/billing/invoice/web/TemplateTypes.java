package org.tierslieux.billing.invoice.web;

import io.quarkus.qute.TemplateData;
import java.math.BigDecimal;
import org.tierslieux.billing.closing.ClosingView;
import org.tierslieux.billing.invoice.ChainVerifier;
import org.tierslieux.billing.invoice.DocumentId;
import org.tierslieux.billing.invoice.InvoiceSettings;
import org.tierslieux.billing.invoice.IssuedDocument;
import org.tierslieux.billing.invoice.Party;

/** The types the billing pages read in their templates (Qute resolves only the types it is told about). */
@TemplateData(target = IssuedDocument.class)
@TemplateData(target = Party.class)
@TemplateData(target = DocumentId.class)
@TemplateData(target = ChainVerifier.Verification.class)
@TemplateData(target = ChainVerifier.Broken.class)
@TemplateData(target = ClosingView.class)
@TemplateData(target = InvoiceSettings.class)
@TemplateData(target = BigDecimal.class)
final class TemplateTypes {

    private TemplateTypes() {}
}
