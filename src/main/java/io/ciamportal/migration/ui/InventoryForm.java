package io.ciamportal.migration.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.Setter;
import com.vaadin.flow.data.binder.ValidationException;
import com.vaadin.flow.function.ValueProvider;
import io.ciamportal.migration.Inventory;
import io.ciamportal.migration.Side;
import io.ciamportal.shared.InvalidInputException;
import io.ciamportal.vendor.HashSchemes;
import io.ciamportal.vendor.Vocabulary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The inventory as a form. A {@link Binder} checks each field where it is (a whole number, a share from 0 to 100 %),
 * and an error the service finds (more active users than users, say) is shown on the field it names. The form never
 * calls a service: a valid save hands the inventory to {@code onSave}.
 */
final class InventoryForm extends VerticalLayout {

    /** The form's values: counts as numbers, shares as percentages, choices as text (empty = unknown). */
    static final class Values {
        @Nullable Double totalUsers;
        @Nullable Double monthlyActiveUsers;
        @Nullable Double passwordShare;
        @Nullable Double totpShare;
        @Nullable Double otpShare;
        @Nullable Double passkeyShare;
        @Nullable Double inactiveShare;
        @Nullable Double socialConnections;
        @Nullable Double enterpriseConnections;
        @Nullable Double customLogicUnits;
        @Nullable Double tenants;
        @Nullable Double auditRetentionDays;
        String consentRecords = "";
        String residencyRegion = "";
        String downtimeTolerance = "";
        String sourceHashScheme = "";

        static Values of(Inventory i) {
            var v = new Values();
            v.totalUsers = i.totalUsers() == null ? null : i.totalUsers().doubleValue();
            v.monthlyActiveUsers = i.monthlyActiveUsers() == null ? null : i.monthlyActiveUsers().doubleValue();
            v.passwordShare = percent(i.passwordShare());
            v.totpShare = percent(i.totpShare());
            v.otpShare = percent(i.otpShare());
            v.passkeyShare = percent(i.passkeyShare());
            v.inactiveShare = percent(i.inactiveShare());
            v.socialConnections = number(i.socialConnections());
            v.enterpriseConnections = number(i.enterpriseConnections());
            v.customLogicUnits = number(i.customLogicUnits());
            v.tenants = number(i.tenants());
            v.auditRetentionDays = number(i.auditRetentionDays());
            v.consentRecords = i.consentRecords() == null ? "" : i.consentRecords() ? "yes" : "no";
            v.residencyRegion = i.residencyRegion() == null ? "" : i.residencyRegion();
            v.downtimeTolerance = i.downtimeTolerance() == null ? "" : i.downtimeTolerance().name();
            v.sourceHashScheme = i.sourceHashScheme() == null ? "" : i.sourceHashScheme();
            return v;
        }

        Inventory inventory() {
            return new Inventory(whole(totalUsers), whole(monthlyActiveUsers), share(passwordShare), share(totpShare), share(otpShare),
                    share(passkeyShare), share(inactiveShare), small(socialConnections), small(enterpriseConnections),
                    small(customLogicUnits), small(tenants), consentRecords.isEmpty() ? null : consentRecords.equals("yes"),
                    small(auditRetentionDays), residencyRegion.isEmpty() ? null : residencyRegion,
                    downtimeTolerance.isEmpty() ? null : Inventory.DowntimeTolerance.valueOf(downtimeTolerance),
                    sourceHashScheme.isEmpty() ? null : sourceHashScheme);
        }

        private static @Nullable Double percent(@Nullable Double share) {
            return share == null ? null : Math.round(share * 1000) / 10.0;
        }

        private static @Nullable Double number(@Nullable Integer n) {
            return n == null ? null : n.doubleValue();
        }

        private static @Nullable Long whole(@Nullable Double d) {
            return d == null ? null : Math.round(d);
        }

        private static @Nullable Integer small(@Nullable Double d) {
            return d == null ? null : (int) Math.round(d);
        }

        private static @Nullable Double share(@Nullable Double percent) {
            return percent == null ? null : percent / 100.0;
        }
    }

    private final Binder<Values> binder = new Binder<>();
    private final Map<String, HasValidation> fields = new LinkedHashMap<>();
    private final Div problem = new Div();
    private final Values values;

    InventoryForm(Inventory inventory, String source, boolean canEdit, Consumer<Inventory> onSave) {
        this(inventory, source, canEdit, Map.of(), onSave);
    }

    /**
     * @param fromExport field -> where its value came from ("the export users.ndjson of 2 Dec"), for fields an export set
     */
    InventoryForm(Inventory inventory, String source, boolean canEdit, Map<String, String> fromExport, Consumer<Inventory> onSave) {
        setPadding(false);
        values = Values.of(inventory);
        var hint = new Paragraph("Leave a field empty when you do not know it: the assessment then says \"unknown\" instead of guessing. "
                + "Shares are percentages of all users.");
        hint.addClassName("portal-muted");
        problem.getElement().setAttribute("role", "alert");
        problem.setVisible(false);
        var form = new FormLayout();
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("32em", 2),
                new FormLayout.ResponsiveStep("56em", 3));
        count(form, "totalUsers", "Total users", Long.MAX_VALUE, v -> v.totalUsers, (v, x) -> v.totalUsers = x);
        count(form, "monthlyActiveUsers", "Monthly active users", Long.MAX_VALUE, v -> v.monthlyActiveUsers, (v, x) -> v.monthlyActiveUsers = x);
        percent(form, "passwordShare", "With passwords", v -> v.passwordShare, (v, x) -> v.passwordShare = x);
        percent(form, "totpShare", "With TOTP", v -> v.totpShare, (v, x) -> v.totpShare = x);
        percent(form, "otpShare", "With SMS or email OTP", v -> v.otpShare, (v, x) -> v.otpShare = x);
        percent(form, "passkeyShare", "With passkeys", v -> v.passkeyShare, (v, x) -> v.passkeyShare = x);
        percent(form, "inactiveShare", "Inactive for more than 90 days", v -> v.inactiveShare, (v, x) -> v.inactiveShare = x);
        count(form, "socialConnections", "Social connections", Integer.MAX_VALUE, v -> v.socialConnections, (v, x) -> v.socialConnections = x);
        count(form, "enterpriseConnections", "Enterprise connections (SAML/OIDC)", Integer.MAX_VALUE, v -> v.enterpriseConnections,
                (v, x) -> v.enterpriseConnections = x);
        count(form, "customLogicUnits", "Custom logic units (Actions, rules, hooks, Lambdas)", Integer.MAX_VALUE, v -> v.customLogicUnits,
                (v, x) -> v.customLogicUnits = x);
        count(form, "tenants", "Tenants or organizations", Integer.MAX_VALUE, v -> v.tenants, (v, x) -> v.tenants = x);
        count(form, "auditRetentionDays", "Required audit retention (days)", Integer.MAX_VALUE, v -> v.auditRetentionDays,
                (v, x) -> v.auditRetentionDays = x);
        var consent = choice(form, "consentRecords", "Consent records kept", java.util.List.of("", "yes", "no"),
                c -> c.isEmpty() ? "Unknown" : c.equals("yes") ? "Yes" : "No", v -> v.consentRecords, (v, x) -> v.consentRecords = x);
        var regions = new ArrayList<String>();
        regions.add("");
        regions.addAll(Vocabulary.REGIONS.stream().filter(r -> !r.equals("ANY")).toList());
        choice(form, "residencyRegion", "Required residency region", regions, r -> r.isEmpty() ? "Unknown or none" : r,
                v -> v.residencyRegion, (v, x) -> v.residencyRegion = x);
        var tolerances = new ArrayList<String>();
        tolerances.add("");
        for (var t : Inventory.DowntimeTolerance.values()) {
            tolerances.add(t.name());
        }
        choice(form, "downtimeTolerance", "Downtime tolerance", tolerances,
                t -> t.isEmpty() ? "Unknown" : Inventory.DowntimeTolerance.valueOf(t).label(), v -> v.downtimeTolerance, (v, x) -> v.downtimeTolerance = x);
        var schemes = new ArrayList<String>();
        schemes.add("");
        schemes.addAll(HashSchemes.ALL);
        var scheme = choice(form, "sourceHashScheme", "Hash scheme of the in-house database", schemes, s -> s.isEmpty() ? "Unknown" : s,
                v -> v.sourceHashScheme, (v, x) -> v.sourceHashScheme = x);
        scheme.setVisible(Side.IN_HOUSE.equals(source));
        consent.setWidthFull();
        fromExport.forEach((key, where) -> {
            if (fields.get(key) instanceof com.vaadin.flow.component.HasHelper helped && fields.get(key) instanceof com.vaadin.flow.component.Component c) {
                helped.setHelperText("From " + where);
                c.getElement().setAttribute("data-source", "export");
            }
        });
        fields.forEach((key, f) -> {
            if (!fromExport.containsKey(key) && f instanceof com.vaadin.flow.component.Component c) {
                c.getElement().setAttribute("data-source", "typed");
            }
        });
        if (!fromExport.isEmpty()) {
            var note = new Paragraph("Fields marked \"From the export\" were counted from the user export (tab User export); the others "
                    + "were typed. Typing over a counted value makes it a typed one.");
            note.addClassName("portal-muted");
            add(note);
        }
        binder.readBean(values);
        add(hint, problem, form);
        if (!canEdit) {
            binder.setReadOnly(true);
            add(new Paragraph("You can read this inventory; analysts who are owner or analyst of this migration edit it."));
            return;
        }
        var save = new Button("Save inventory", e -> {
            clearProblem();
            try {
                binder.writeBean(values);
                onSave.accept(values.inventory());
            } catch (ValidationException invalid) {
                show("Some values need a look: see the fields marked.", false);
                // on a narrow screen the marked field may be far above the button: take the user there
                invalid.getFieldValidationErrors().stream().findFirst()
                        .map(error -> error.getField())
                        .filter(field -> field instanceof com.vaadin.flow.component.Focusable<?>)
                        .ifPresent(field -> ((com.vaadin.flow.component.Focusable<?>) field).focus());
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(save);
    }

    /** Shows the service's refusal on the field it names (or above the form when it names none). */
    void showError(InvalidInputException e) {
        var field = fields.get(e.field());
        if (field != null) {
            field.setErrorMessage(e.getMessage());
            field.setInvalid(true);
        } else {
            show(e.getMessage(), false);
        }
    }

    /** Someone saved in between: say who and when, keep what was typed, change nothing. */
    void showStale(String message, Runnable reload) {
        problem.removeAll();
        var text = new Span(message);
        var reloadButton = new Button("Reload", e -> reload.run());
        reloadButton.addThemeVariants(ButtonVariant.LUMO_SMALL);
        problem.add(text, reloadButton);
        problem.setClassName("portal-notice portal-notice-error");
        problem.setVisible(true);
        problem.getElement().setAttribute("data-notice", "stale");
    }

    private void show(String message, boolean info) {
        problem.removeAll();
        problem.add(new Span(message));
        problem.setClassName("portal-notice " + (info ? "portal-notice-info" : "portal-notice-error"));
        problem.setVisible(true);
    }

    private void clearProblem() {
        problem.removeAll();
        problem.setVisible(false);
        fields.values().forEach(f -> f.setInvalid(false));
    }

    private void count(FormLayout form, String key, String label, double max, ValueProvider<Values, @Nullable Double> get,
            Setter<Values, @Nullable Double> set) {
        var f = new NumberField(label);
        f.setMin(0);
        f.setStep(1);
        f.setClearButtonVisible(true);
        f.setPlaceholder("unknown");
        f.setI18n(new NumberField.NumberFieldI18n().setMinErrorMessage("Zero or more.").setStepErrorMessage("A whole number.")
                .setBadInputErrorMessage("A number, please."));
        binder.forField(f)
                .withValidator(v -> v == null || v >= 0, "Zero or more.")
                .withValidator(v -> v == null || v == Math.rint(v), "A whole number.")
                .withValidator(v -> v == null || v <= max, "Too large.")
                .bind(get, set);
        fields.put(key, f);
        form.add(f);
    }

    private void percent(FormLayout form, String key, String label, ValueProvider<Values, @Nullable Double> get,
            Setter<Values, @Nullable Double> set) {
        var f = new NumberField(label);
        f.setMin(0);
        f.setMax(100);
        f.setSuffixComponent(new Span("%"));
        f.setClearButtonVisible(true);
        f.setPlaceholder("unknown");
        f.setI18n(new NumberField.NumberFieldI18n().setMinErrorMessage("A share from 0 to 100 %.").setMaxErrorMessage("A share from 0 to 100 %.")
                .setBadInputErrorMessage("A number, please."));
        binder.forField(f).withValidator(v -> v == null || (v >= 0 && v <= 100), "A share from 0 to 100 %.").bind(get, set);
        fields.put(key, f);
        form.add(f);
    }

    private Select<String> choice(FormLayout form, String key, String label, java.util.List<String> items,
            com.vaadin.flow.component.ItemLabelGenerator<String> names, ValueProvider<Values, String> get, Setter<Values, String> set) {
        var select = new Select<String>();
        select.setLabel(label);
        select.setItems(items);
        select.setItemLabelGenerator(names);
        binder.forField(select).bind(get, set);
        fields.put(key, select);
        form.add(select);
        return select;
    }

    /** The field for a key, for tests of the mapping. */
    @Nullable HasValue<?, ?> field(String key) {
        return (HasValue<?, ?>) fields.get(key);
    }
}
