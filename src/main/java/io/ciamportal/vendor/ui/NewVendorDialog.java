package io.ciamportal.vendor.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import io.ciamportal.shared.InvalidInputException;
import io.ciamportal.vendor.VendorCurationService;
import io.ciamportal.vendor.VendorEnums.Deployment;
import io.ciamportal.vendor.VendorEnums.Tier;
import java.util.function.Consumer;

/** Admin: add a vendor; every capability starts unknown and is curated on its profile. */
final class NewVendorDialog extends Dialog {

    NewVendorDialog(VendorCurationService curation, Consumer<String> created) {
        setHeaderTitle("Add vendor");
        var name = new TextField("Name");
        name.setRequired(true);
        var slug = new TextField("Slug");
        slug.setRequired(true);
        slug.setHelperText("Stable key in URLs and the API, e.g. acme-identity");
        name.addValueChangeListener(e -> {
            if (slug.isEmpty() || !e.isFromClient()) {
                slug.setValue(e.getValue().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", ""));
            }
        });
        var deployment = new Select<Deployment>();
        deployment.setLabel("Deployment");
        deployment.setItems(Deployment.values());
        deployment.setItemLabelGenerator(d -> VendorBadges.words(d.name()));
        deployment.setValue(Deployment.MANAGED);
        var tier = new Select<Tier>();
        tier.setLabel("Tier");
        tier.setItems(Tier.values());
        tier.setItemLabelGenerator(t -> VendorBadges.words(t.name()));
        tier.setValue(Tier.DEVELOPER_FIRST);
        add(new FormLayout(name, slug, deployment, tier));
        var create = new Button("Add vendor", e -> {
            name.setInvalid(false);
            slug.setInvalid(false);
            try {
                var profile = curation.createVendor(slug.getValue(), name.getValue(), deployment.getValue(), tier.getValue());
                close();
                created.accept(profile.summary().slug());
            } catch (InvalidInputException ex) {
                var field = "name".equals(ex.field()) ? name : slug;
                field.setErrorMessage(ex.getMessage());
                field.setInvalid(true);
            }
        });
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), create);
        setWidth("min(32rem, 95vw)");
    }
}
