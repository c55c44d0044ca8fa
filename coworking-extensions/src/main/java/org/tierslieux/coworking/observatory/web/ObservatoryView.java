package org.tierslieux.coworking.observatory.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tierslieux.core.web.Ui;
import org.tierslieux.coworking.observatory.Figures.KindOccupancy;
import org.tierslieux.coworking.observatory.Figures.Period;
import org.tierslieux.coworking.observatory.ObservatoryPeriod;

/**
 * What both observatory pages share: the period form's values and the charts' data, written as JSON into a
 * data attribute (the page carries no inline script; /static/coworking/observatory.js draws the charts).
 */
@ApplicationScoped
class ObservatoryView {

    private final ObjectMapper json;
    private final Ui ui;

    ObservatoryView(ObjectMapper json, Ui ui) {
        this.json = json;
        this.ui = ui;
    }

    TemplateInstance fill(TemplateInstance page, ObservatoryPeriod period, List<String> kinds, List<Period> periods) {
        return page.data("from", period.from())
                .data("to", period.to())
                .data("granularity", period.granularity().name())
                .data("kinds", kinds)
                .data("periods", periods)
                .data("chart", chart(kinds, periods));
    }

    private String chart(List<String> kinds, List<Period> periods) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("labels", periods.stream().map(Period::label).toList());
        Map<String, List<BigDecimal>> occupancy = new LinkedHashMap<>();
        for (String kind : kinds) {
            occupancy.put(
                    ui.label("resource.kind.", kind),
                    periods.stream()
                            .map(p -> {
                                KindOccupancy o = p.occupancyOf(kind);
                                return o == null || o.rate() == null
                                        ? null
                                        : o.rate().movePointRight(2);
                            })
                            .toList());
        }
        data.put("occupancy", occupancy);
        data.put("occupancyTitle", ui.t("observatory.chart-occupancy"));
        data.put("activityTitle", ui.t("observatory.chart-activity"));
        Map<String, List<? extends Number>> activity = new LinkedHashMap<>();
        activity.put(
                ui.t("observatory.bookings"),
                periods.stream().map(Period::bookings).toList());
        activity.put(
                ui.t("observatory.active-members"),
                periods.stream().map(Period::activeMembers).toList());
        activity.put(
                ui.t("observatory.new-members"),
                periods.stream().map(Period::newMembers).toList());
        activity.put(
                ui.t("observatory.machine-hours"),
                periods.stream().map(Period::machineHours).toList());
        activity.put(
                ui.t("observatory.network-days-hosted"),
                periods.stream().map(Period::networkDaysHosted).toList());
        data.put("activity", activity);
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the chart's data", e);
        }
    }
}
