package org.tierslieux.coworking.webhook;

import java.util.UUID;
import org.tierslieux.core.place.PlaceRef;

/** A subscription was disabled after {@code failures} failed attempts in a row; its managers are told. */
record WebhookDisabled(PlaceRef place, UUID subscription, String url, int failures) {}
