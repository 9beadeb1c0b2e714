package io.ciamportal.migration.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.server.VaadinService;
import io.ciamportal.migration.CutoverCalendar;
import io.ciamportal.migration.CutoverSchedule;
import io.ciamportal.migration.CutoverViews;
import io.ciamportal.migration.MigrationCutoverService;
import io.ciamportal.shared.InvalidInputException;
import io.ciamportal.shared.StaleVersionException;
import io.ciamportal.shared.ui.Badge;
import io.ciamportal.shared.ui.Chart;
import java.time.LocalDate;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The cutover calendar tab: the timeline (phases, milestones, the plan's due dates, today), the same dates as a list,
 * the overdue items, the .ics download, and for analyst members and admins a form with the three dates. Nothing is
 * decided here: the service validates and stores, the pure {@link CutoverCalendar} does the arithmetic.
 */
final class CutoverPanel extends VerticalLayout {

    private final MigrationCutoverService cutover;
    private final UUID id;
    private final Consumer<String> reload;

    /** Takes the service from Spring through Vaadin's instantiator, so the migration page needs one line for this tab. */
    static CutoverPanel of(UUID id, Consumer<String> reload) {
        var service = VaadinService.getCurrent().getInstantiator().getOrCreate(MigrationCutoverService.class);
        return new CutoverPanel(service.calendar(id), service, reload);
    }

    CutoverPanel(CutoverViews.Calendar view, MigrationCutoverService cutover, Consumer<String> reload) {
        this.cutover = cutover;
        this.id = view.migrationId();
        this.reload = reload;
        setPadding(false);
        addClassName("portal-cutover");
        var c = view.calendar();
        if (c == null) {
            var empty = new Paragraph("No cutover date is set yet. " + (view.canEdit()
                    ? "Set one below: the plan's phases and items get dates from it, following the " + view.strategy().label().toLowerCase(java.util.Locale.ROOT)
                            + " strategy and its " + view.dualRunWeeks() + "-week dual-run."
                    : "An analyst of this migration sets it; the plan's phases and items then get dates."));
            empty.addClassName("portal-muted");
            empty.getElement().setAttribute("data-empty", "cutover");
            add(empty);
        } else {
            add(summary(view, c));
            c.notes().forEach(n -> {
                var note = new Div(new Span(n));
                note.addClassNames("portal-notice", "portal-notice-info");
                note.getElement().setAttribute("data-notice", "cutover-note");
                add(note);
            });
            var chart = new Chart("Timeline of the five phases, the cutover milestones and the plan items' due dates, with today marked; "
                    + "the same dates are listed below");
            chart.setHeight("340px");
            chart.setOption(CutoverCharts.timeline(view));
            chart.getElement().setAttribute("data-chart", "cutover-timeline");
            var card = MigrationFormat.card("Timeline", chart);
            card.setWidthFull();
            add(card);
            add(overdue(view));
            add(dates(c));
        }
        if (view.canEdit()) {
            add(form(view));
        }
    }

    private Component summary(CutoverViews.Calendar view, CutoverCalendar c) {
        var s = c.schedule();
        var badges = new Div(new Badge("Cutover " + s.cutover(), Badge.Tone.INFO),
                new Badge("Rollback window " + s.rollbackDays() + " days, until " + s.rollbackEnds(), Badge.Tone.NEUTRAL),
                new Badge("Decommission " + c.decommission() + (c.decommissionDerived() ? " (derived)" : ""), Badge.Tone.NEUTRAL));
        long late = view.overdue().size();
        if (late > 0) {
            badges.add(new Badge(late + (late == 1 ? " item overdue" : " items overdue"), Badge.Tone.ERROR));
        }
        badges.addClassName("portal-badges");
        var ics = new Anchor("/api/v1/migrations/" + id + "/calendar.ics", "Milestones as a calendar file (.ics)");
        ics.getElement().setAttribute("download", true);
        var links = new Div(new Span("Download: "), ics);
        links.addClassName("portal-links");
        var box = new Div(badges, links);
        box.getElement().setAttribute("data-card", "cutover-summary");
        return box;
    }

    private Component overdue(CutoverViews.Calendar view) {
        var late = view.overdue();
        var card = MigrationFormat.card("Overdue");
        card.getElement().setAttribute("data-card", "cutover-overdue");
        card.setWidthFull();
        if (late.isEmpty()) {
            var none = new Paragraph("Nothing is overdue: every item due before today is done.");
            none.addClassName("portal-muted");
            card.add(none);
            return card;
        }
        var list = new UnorderedList();
        late.forEach(i -> {
            var li = new ListItem(new Badge("Overdue", Badge.Tone.ERROR), new Span(" " + i.text() + " — due " + i.due() + " (phase " + i.phase() + ")"));
            li.addClassName("portal-overdue");
            list.add(li);
        });
        card.add(list);
        return card;
    }

    private static Component dates(CutoverCalendar c) {
        var card = MigrationFormat.card("Dates");
        card.setWidthFull();
        card.getElement().setAttribute("data-card", "cutover-dates");
        var phases = new UnorderedList();
        for (var p : c.phases()) {
            var li = new ListItem(p.phase() + ". " + p.name() + ": " + p.start() + " to " + p.end() + " (" + p.days() + " days)");
            li.getElement().setAttribute("data-phase", String.valueOf(p.phase()));
            phases.add(li);
        }
        var milestones = new UnorderedList();
        for (var m : c.milestones()) {
            var li = new ListItem(new Span(m.label() + ": " + (m.window() ? m.start() + " to " + m.end() : m.start().toString())),
                    new Span(" — " + m.description()));
            li.getElement().setAttribute("data-milestone", m.kind().key());
            milestones.add(li);
        }
        var hint = new Paragraph("Derived days fall on working days (Monday to Friday); the cutover and decommission dates stay as set. "
                + "Items dated by hand in the Plan tab keep their dates when the cutover moves.");
        hint.addClassName("portal-muted");
        card.add(new Span("Phases"), phases, new Span("Milestones"), milestones, hint);
        return card;
    }

    private Component form(CutoverViews.Calendar view) {
        var current = view.calendar() == null ? null : view.calendar().schedule();
        LocalDate today = view.today();
        var date = picker("Cutover date", today);
        date.setRequiredIndicatorVisible(true);
        date.setHelperText("The day DNS or the load balancer switches. Today or later.");
        var rollback = new IntegerField("Rollback window (days)");
        rollback.setMin(1);
        rollback.setMax(CutoverSchedule.MAX_ROLLBACK_DAYS);
        rollback.setStepButtonsVisible(true);
        rollback.setHelperText("Days after the cutover on which the old platform stays read-only, 1 to " + CutoverSchedule.MAX_ROLLBACK_DAYS + ".");
        var decommission = picker("Decommission date (optional)", today);
        decommission.setClearButtonVisible(true);
        decommission.setHelperText("Empty: " + CutoverCalendar.ARCHIVE_CHECK_DAYS + " days after the final audit-log export.");
        if (current != null) {
            // a date already passed may stay as it is (the service allows the stored one)
            if (current.cutover().isBefore(today)) {
                date.setMin(current.cutover());
            }
            if (current.decommission() != null && current.decommission().isBefore(today)) {
                decommission.setMin(current.decommission());
            }
            date.setValue(current.cutover());
            rollback.setValue(current.rollbackDays());
            decommission.setValue(current.decommission());
        } else {
            rollback.setValue(CutoverSchedule.DEFAULT_ROLLBACK_DAYS);
        }
        var save = new Button(current == null ? "Set cutover date" : "Save cutover dates");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> {
            date.setInvalid(false);
            rollback.setInvalid(false);
            decommission.setInvalid(false);
            if (date.isInvalid() || rollback.isInvalid()) {
                return;
            }
            try {
                cutover.schedule(id, view.version(), date.getValue(), rollback.getValue() == null ? null : rollback.getValue().longValue(),
                        decommission.getValue());
                reload.accept("Cutover dates saved; the plan's items that nobody dated by hand moved with them.");
            } catch (InvalidInputException ex) {
                var field = switch (ex.field()) {
                    case "rollbackDays" -> (com.vaadin.flow.component.HasValidation) rollback;
                    case "decommissionDate" -> decommission;
                    default -> date;
                };
                field.setErrorMessage(ex.getMessage());
                field.setInvalid(true);
            } catch (StaleVersionException ex) {
                Notification.show(ex.getMessage(), 6000, Notification.Position.BOTTOM_CENTER).addThemeVariants(NotificationVariant.LUMO_ERROR);
                reload.accept(null);
            }
        });
        var fields = new Div(date, rollback, decommission);
        fields.addClassName("portal-cutover-form");
        var card = MigrationFormat.card(current == null ? "Set the cutover date" : "Change the dates", fields, save);
        card.setWidthFull();
        card.getElement().setAttribute("data-card", "cutover-form");
        return card;
    }

    /** A date picker that shows and takes ISO dates (YYYY-MM-DD) and offers no day before today. */
    private static DatePicker picker(String label, LocalDate today) {
        var picker = isoPicker(label);
        picker.setMin(today);
        return picker;
    }

    /** A date picker that shows and takes ISO dates (YYYY-MM-DD), weeks starting on Monday. */
    static DatePicker isoPicker(String label) {
        var picker = new DatePicker(label);
        var i18n = new DatePicker.DatePickerI18n();
        i18n.setDateFormat("yyyy-MM-dd");
        i18n.setFirstDayOfWeek(1);
        picker.setI18n(i18n);
        picker.setPlaceholder("YYYY-MM-DD");
        return picker;
    }
}
