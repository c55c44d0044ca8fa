package org.tierslieux.core.training;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.tierslieux.core.booking.BookingAttempt;
import org.tierslieux.core.booking.BookingPolicy;
import org.tierslieux.core.error.DomainException;
import org.tierslieux.core.resource.ResourceService;

/** A machine that requires a training refuses members who do not hold it, valid until the booking ends. */
@ApplicationScoped
class TrainingRequired implements BookingPolicy {

    private final QualificationService qualifications;
    private final ResourceService resources;

    TrainingRequired(QualificationService qualifications, ResourceService resources) {
        this.qualifications = qualifications;
        this.resources = resources;
    }

    @Override
    public boolean appliesTo(BookingAttempt attempt) {
        return attempt.resource().requiredTraining().isPresent();
    }

    @Override
    public void check(BookingAttempt attempt) {
        var training = attempt.resource().requiredTraining().orElseThrow();
        if (!qualifications.isQualified(
                attempt.person(), training, attempt.period().end())) {
            throw new DomainException(
                    403,
                    "booking.training-required",
                    Map.of("training", resources.find(training).name()));
        }
    }
}
