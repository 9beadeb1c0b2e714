package io.ciamportal.vendor.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import io.ciamportal.shared.InvalidInputException;
import io.ciamportal.vendor.FactsEdit;
import io.ciamportal.vendor.HashSchemes;
import io.ciamportal.vendor.VendorEnums.Deployment;
import io.ciamportal.vendor.VendorEnums.HashExportPolicy;
import io.ciamportal.vendor.VendorEnums.LifecycleStatus;
import io.ciamportal.vendor.VendorEnums.Tier;
import io.ciamportal.vendor.Vocabulary;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Admin: edit a vendor's own facts in one validated form. The service checks everything again and refuses the whole
 * edit when one field is wrong; the error is shown on that field.
 */
final class FactsEditDialog extends Dialog {

    private final Map<String, HasValidation> fields = new HashMap<>();

    FactsEditDialog(String vendorName, FactsEdit current, Consumer<FactsEdit> save) {
        setHeaderTitle("Edit facts: " + vendorName);
        var name = text("name", "Name", current.name(), 120);
        var fullName = text("fullName", "Full name", current.fullName(), 200);
        var website = text("website", "Website", current.website(), 500);
        var docs = text("docsUrl", "Documentation URL", current.docsUrl(), 500);
        var tier = select("tier", "Tier", Tier.values(), current.tier());
        var deployment = select("deployment", "Deployment", Deployment.values(), current.deployment());
        var license = text("license", "Licence", current.license(), 100);
        var openSource = new Checkbox("Published under an open-source licence", current.openSource());
        var pricing = multi("pricingModels", "Pricing models", Vocabulary.PRICING_MODELS, current.pricingModels());
        var audiences = multi("audiences", "Audiences", Vocabulary.AUDIENCES, current.audiences());
        var regions = multi("regions", "Hosting regions", Vocabulary.REGIONS, current.regions());
        regions.setHelperText("ANY: runs wherever you host it. Leave empty when nobody has researched it.");
        var attestations = multi("attestations", "Attestations", Vocabulary.ATTESTATIONS, current.attestations());
        var lifecycle = select("lifecycle", "Lifecycle", LifecycleStatus.values(), current.lifecycle());
        var endOfSale = date("endOfSale", "End of sale", current.endOfSale());
        var endOfLife = date("endOfLife", "End of life", current.endOfLife());
        var policy = select("hashExportPolicy", "Password-hash export", HashExportPolicy.values(), current.hashExportPolicy());
        var scheme = new Select<String>();
        scheme.setLabel("Exported hash scheme");
        var schemes = new java.util.ArrayList<String>();
        schemes.add("");
        schemes.addAll(HashSchemes.ALL);
        scheme.setItems(schemes);
        scheme.setItemLabelGenerator(s -> s.isEmpty() ? "None or unknown" : s);
        scheme.setValue(current.hashExportScheme() == null ? "" : current.hashExportScheme());
        fields.put("hashExportScheme", scheme);
        var imports = multi("hashImportSchemes", "Imported hash schemes", HashSchemes.ALL, current.hashImportSchemes());
        var jit = text("jitHookName", "Just-in-time migration hook", current.jitHookName(), 300);
        var bulkImportFormat = text("bulkImportFormat", "Bulk import format", current.bulkImportFormat(), 300);
        var bulkImportLimits = text("bulkImportLimits", "Bulk import limits", current.bulkImportLimits(), 300);
        var bulkExportFormat = text("bulkExportFormat", "Bulk export format", current.bulkExportFormat(), 300);
        var bulkExportLimits = text("bulkExportLimits", "Bulk export limits", current.bulkExportLimits(), 300);

        var form = new FormLayout();
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("36em", 2));
        form.add(name, fullName, website, docs, tier, deployment, license, openSource, pricing, audiences, regions, attestations,
                lifecycle, endOfSale, endOfLife);
        var migration = new FormLayout();
        migration.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("36em", 2));
        migration.add(policy, scheme, imports, jit, bulkImportFormat, bulkImportLimits, bulkExportFormat, bulkExportLimits);
        var note = new Paragraph("Each fact's sources, confirmation and review date are edited on the fact itself; the change is "
                + "recorded in the vendor's History.");
        note.addClassName("portal-muted");
        add(note, form, new H4("Migration facts"), migration);

        var ok = new Button("Save", e -> {
            fields.values().forEach(f -> f.setInvalid(false));
            var edit = new FactsEdit(name.getValue(), fullName.getValue(), website.getValue(), docs.getValue(), tier.getValue(),
                    deployment.getValue(), license.getValue(), openSource.getValue(), List.copyOf(pricing.getValue()),
                    List.copyOf(audiences.getValue()), List.copyOf(regions.getValue()), List.copyOf(attestations.getValue()),
                    lifecycle.getValue(), endOfSale.getValue(), endOfLife.getValue(), policy.getValue(),
                    scheme.getValue() == null || scheme.getValue().isEmpty() ? null : scheme.getValue(), List.copyOf(imports.getValue()),
                    jit.getValue(), bulkImportFormat.getValue(), bulkImportLimits.getValue(), bulkExportFormat.getValue(),
                    bulkExportLimits.getValue());
            try {
                save.accept(edit);
                close();
            } catch (InvalidInputException ex) {
                var field = fields.get(ex.field());
                if (field == null) {
                    field = name;
                }
                field.setErrorMessage(ex.getMessage());
                field.setInvalid(true);
            }
        });
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), ok);
        setWidth("min(56rem, 95vw)");
    }

    private TextField text(String key, String label, String value, int max) {
        var field = new TextField(label);
        field.setValue(value == null ? "" : value);
        field.setMaxLength(max);
        field.setWidthFull();
        fields.put(key, field);
        return field;
    }

    private <E extends Enum<E>> Select<E> select(String key, String label, E[] values, E value) {
        var field = new Select<E>();
        field.setLabel(label);
        field.setItems(values);
        field.setItemLabelGenerator(v -> VendorBadges.words(v.name()));
        field.setValue(value);
        fields.put(key, field);
        return field;
    }

    private MultiSelectComboBox<String> multi(String key, String label, List<String> items, List<String> value) {
        var field = new MultiSelectComboBox<String>(label);
        field.setItems(items);
        Set<String> selected = new LinkedHashSet<>(value);
        field.setValue(selected);
        field.setWidthFull();
        fields.put(key, field);
        return field;
    }

    private DatePicker date(String key, String label, java.time.LocalDate value) {
        var field = new DatePicker(label);
        field.setValue(value);
        field.setClearButtonVisible(true);
        fields.put(key, field);
        return field;
    }
}
