package io.ciamportal.selector.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import io.ciamportal.selector.Answers;
import io.ciamportal.selector.Choices.Explained;
import io.ciamportal.selector.Choices;
import io.ciamportal.selector.SelectorService;
import io.ciamportal.shared.InvalidInputException;
import jakarta.annotation.security.PermitAll;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.modulith.NamedInterface;

/**
 * The six-question wizard. One question per step, back and next, every choice with a line of help; the answers and the
 * step live in the URL, so a link reproduces where you are. The last step opens the results.
 */
@Route(SelectorView.ROUTE)
@PageTitle("Vendor selector")
@Menu(order = 20, title = "Selector", icon = "vaadin:road-branches")
@PermitAll
@NamedInterface("routes")
public final class SelectorView extends VerticalLayout implements BeforeEnterObserver {

    /** The view's path; a compile-time constant, so that links to it do not load its JavaScript with the linking view. */
    public static final String ROUTE = "selector";

    static final List<String> STEPS = List.of("Today and why", "Identity shape", "Hosting", "Hard constraints", "Scale and price",
            "Capabilities");

    private final SelectorService.Options options;
    private final Map<String, SelectorService.Platform> platforms;
    private final Map<String, SelectorService.CapabilityOption> capabilities;

    private final ComboBox<String> currentPlatform = new ComboBox<>("Current platform");
    private final RadioButtonGroup<Choices.Reason> reason = radio("Why are you moving?", Choices.Reason.values());
    private final RadioButtonGroup<Choices.Shape> shape = radio("Who signs in?", Choices.Shape.values());
    private final RadioButtonGroup<Choices.Hosting> hosting = radio("Who runs it?", Choices.Hosting.values());
    private final Checkbox openSource = new Checkbox("An open-source licence is required");
    private final MultiSelectComboBox<String> residency = new MultiSelectComboBox<>("Data must stay in");
    private final CheckboxGroup<String> attestations = new CheckboxGroup<>("Attestations the vendor must hold");
    private final RadioButtonGroup<Choices.MauBand> mauBand = radio("Monthly active users in 24 months", Choices.MauBand.values());
    private final RadioButtonGroup<Choices.PriceSensitivity> price = radio("How price-sensitive are you?", Choices.PriceSensitivity.values());
    private final MultiSelectComboBox<String> mustHave = new MultiSelectComboBox<>("Must have");
    private final MultiSelectComboBox<String> niceToHave = new MultiSelectComboBox<>("Nice to have");

    private final H3 stepTitle = new H3();
    private final Span stepCount = new Span();
    private final ProgressBar progress = new ProgressBar(0, STEPS.size());
    private final OrderedList stepList = new OrderedList();
    private final Div question = new Div();
    private final Button back = new Button("Back");
    private final Button next = new Button("Next");
    private int step = 1;

    SelectorView(SelectorService selector) {
        this.options = selector.options();
        this.platforms = options.platforms().stream().collect(Collectors.toMap(SelectorService.Platform::slug, Function.identity()));
        this.capabilities = options.capabilities().stream()
                .collect(Collectors.toMap(SelectorService.CapabilityOption::key, Function.identity()));
        addClassNames("portal-view", "portal-selector");

        var title = new H2("Vendor selector");
        var intro = new Paragraph("Six questions narrow the field and rank what is left. Hard constraints and must-haves drop "
                + "vendors, and the results say which gate dropped each one.");
        intro.addClassName("portal-muted");
        var saved = new RouterLink("Saved runs", SavedRunsView.class);

        stepCount.addClassName("portal-muted");
        stepCount.setId("selector-step-count");
        progress.getElement().setAttribute("aria-label", "Progress through the six questions");
        stepList.addClassName("portal-steps");
        stepList.getElement().setAttribute("aria-label", "Steps");
        question.addClassNames("portal-card", "portal-question");

        configureFields();
        back.addClickListener(e -> go(step - 1));
        next.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        next.addClickListener(e -> go(step + 1));
        next.addClickShortcut(Key.ENTER).listenOn(question);
        var buttons = new HorizontalLayout(back, next);
        buttons.addClassName("portal-wizard-buttons");

        var head = new HorizontalLayout(title, saved);
        head.setWidthFull();
        head.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
        head.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(head, intro, stepCount, progress, stepList, stepTitle, question, buttons);
    }

    private void configureFields() {
        currentPlatform.setItems(options.platforms().stream().map(SelectorService.Platform::slug).toList());
        currentPlatform.setItemLabelGenerator(slug -> {
            var p = platforms.get(slug);
            return p == null ? slug : p.name() + (p.active() ? "" : " (end of sale)");
        });
        currentPlatform.setClearButtonVisible(true);
        currentPlatform.setPlaceholder("None: greenfield or an in-house system");
        currentPlatform.setHelperText("Never recommended as the destination; its password-hash export decides part of the migration points.");
        currentPlatform.setWidth("min(28rem, 100%)");

        openSource.setHelperText("Drops every vendor that is not published under an open-source licence.");

        residency.setItems(options.regions());
        residency.setHelperText("Managed vendors must host in every region you pick; a vendor you run yourself sits where you put it.");
        residency.setPlaceholder("No residency constraint");
        residency.setWidth("min(28rem, 100%)");

        attestations.setItems(options.attestations());
        attestations.setItemLabelGenerator(SelectorView::attestationLabel);
        attestations.setHelperText("A managed vendor must publish each one; when you self-host, your own attestations cover it.");

        for (var field : List.of(mustHave, niceToHave)) {
            field.setItems(options.capabilities().stream().map(SelectorService.CapabilityOption::key).toList());
            field.setItemLabelGenerator(key -> {
                var c = capabilities.get(key);
                return c == null ? key : c.name() + " (" + c.group() + ")";
            });
            field.setRenderer(new ComponentRenderer<>(key -> {
                var c = capabilities.get(key);
                var name = new Span(c == null ? key : c.name() + " (" + c.group() + ")");
                name.addClassName("portal-choice-label");
                var help = new Span(c == null ? "" : c.description());
                help.addClassName("portal-choice-help");
                return new Div(name, help);
            }));
            field.setWidth("min(40rem, 100%)");
            field.setClearButtonVisible(true);
        }
        mustHave.setPlaceholder("Nothing is a must");
        mustHave.setHelperText("A gate: a vendor without a plain yes drops out; an unknown goes to \"verify with vendor\".");
        niceToHave.setPlaceholder("Nothing extra");
        niceToHave.setHelperText("Adds up to 15 points for coverage; partial support and paid add-ons count half.");
    }

    private static <E extends Enum<E> & Explained> RadioButtonGroup<E> radio(String label, E[] values) {
        var group = new RadioButtonGroup<E>(label);
        group.setItems(values);
        group.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
        group.setRenderer(new ComponentRenderer<>(value -> {
            var text = new Div();
            var name = new Span(value.label());
            name.addClassName("portal-choice-label");
            var help = new Span(value.help());
            help.addClassName("portal-choice-help");
            text.add(name, help);
            return text;
        }));
        group.setRequired(true);
        return group;
    }

    static String attestationLabel(String key) {
        return switch (key) {
            case "SOC2" -> "SOC 2";
            case "ISO27001" -> "ISO 27001";
            case "ISO27017" -> "ISO 27017";
            case "ISO27018" -> "ISO 27018";
            case "PCI_DSS" -> "PCI DSS";
            case "FEDRAMP" -> "FedRAMP";
            case "CSA_STAR" -> "CSA STAR";
            default -> key;
        };
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var query = event.getLocation().getQueryParameters();
        Answers answers;
        try {
            answers = SelectorLinks.answers(query);
        } catch (InvalidInputException e) {
            answers = Answers.defaults();
            UiMessages.warn("The link's answers were not valid (" + e.getMessage() + "); starting from the defaults.");
        }
        step = query.getSingleParameter("step").map(SelectorView::parseStep).orElse(1);
        fill(answers);
        show();
    }

    private static int parseStep(String value) {
        try {
            return Math.max(1, Math.min(STEPS.size(), Integer.parseInt(value.strip())));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private void fill(Answers a) {
        currentPlatform.setValue(a.currentPlatform() != null && platforms.containsKey(a.currentPlatform()) ? a.currentPlatform() : null);
        reason.setValue(a.reason());
        shape.setValue(a.shape());
        hosting.setValue(a.hosting());
        openSource.setValue(a.openSourceRequired());
        residency.setValue(new HashSet<>(known(a.residency(), options.regions())));
        attestations.setValue(new HashSet<>(known(a.attestations(), options.attestations())));
        mauBand.setValue(a.mauBand());
        price.setValue(a.priceSensitivity());
        mustHave.setValue(new HashSet<>(known(a.mustHave(), capabilities.keySet())));
        niceToHave.setValue(new HashSet<>(known(a.niceToHave(), capabilities.keySet())));
    }

    private static List<String> known(List<String> values, java.util.Collection<String> allowed) {
        return values.stream().filter(allowed::contains).toList();
    }

    private void show() {
        stepTitle.setText(step + ". " + STEPS.get(step - 1));
        stepCount.setText("Step " + step + " of " + STEPS.size());
        progress.setValue(step);
        stepList.removeAll();
        for (int i = 1; i <= STEPS.size(); i++) {
            int target = i;
            var item = new ListItem();
            if (i == step) {
                var current = new Span(STEPS.get(i - 1));
                item.add(current);
                item.addClassName("portal-step-current");
                item.getElement().setAttribute("aria-current", "step");
            } else {
                var jump = new Button(STEPS.get(i - 1), e -> go(target));
                jump.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
                item.add(jump);
            }
            stepList.add(item);
        }
        question.removeAll();
        question.add(switch (step) {
            case 1 -> column(currentPlatform, reason);
            case 2 -> column(shape);
            case 3 -> column(hosting, openSource);
            case 4 -> column(residency, attestations);
            case 5 -> column(mauBand, price);
            default -> column(mustHave, niceToHave);
        });
        back.setEnabled(step > 1);
        next.setText(step == STEPS.size() ? "See the shortlist" : "Next");
    }

    private static Component column(Component... components) {
        var layout = new VerticalLayout(components);
        layout.setPadding(false);
        return layout;
    }

    /** Validates the answers so far and moves to a step (or to the results after the last). */
    private void go(int target) {
        clearErrors();
        Answers answers;
        try {
            answers = current();
        } catch (InvalidInputException e) {
            showError(e);
            return;
        }
        if (target > step && step == 1 && answers.reason() == Choices.Reason.END_OF_LIFE && answers.currentPlatform() == null) {
            currentPlatform.setErrorMessage("Choose the platform you are forced off: the same provider's successor and hash "
                    + "portability depend on it.");
            currentPlatform.setInvalid(true);
            return;
        }
        if (target > STEPS.size()) {
            getUI().ifPresent(ui -> ui.navigate(SelectorResultsView.class, SelectorLinks.query(answers)));
            return;
        }
        int bounded = Math.max(1, target);
        getUI().ifPresent(ui -> ui.navigate(SelectorView.class, SelectorLinks.query(answers, "step", String.valueOf(bounded))));
    }

    private Answers current() {
        return new Answers(currentPlatform.getValue(), value(reason, Choices.Reason.GREENFIELD), value(shape, Choices.Shape.B2C),
                value(hosting, Choices.Hosting.EITHER), openSource.getValue(), sorted(residency.getValue()),
                sorted(attestations.getValue()), value(mauBand, Choices.MauBand.FROM_10K_TO_100K),
                value(price, Choices.PriceSensitivity.MEDIUM), sorted(mustHave.getValue()), sorted(niceToHave.getValue()));
    }

    private static <E> E value(RadioButtonGroup<E> group, E fallback) {
        return group.getValue() == null ? fallback : group.getValue();
    }

    private static List<String> sorted(Set<String> values) {
        return values.stream().sorted(Comparator.naturalOrder()).toList();
    }

    private void clearErrors() {
        currentPlatform.setInvalid(false);
        reason.setInvalid(false);
        niceToHave.setInvalid(false);
        mustHave.setInvalid(false);
    }

    private void showError(InvalidInputException e) {
        switch (e.field()) {
            case "reason" -> {
                reason.setErrorMessage(e.getMessage());
                reason.setInvalid(true);
            }
            case "niceToHave" -> {
                niceToHave.setErrorMessage(e.getMessage());
                niceToHave.setInvalid(true);
            }
            case "mustHave" -> {
                mustHave.setErrorMessage(e.getMessage());
                mustHave.setInvalid(true);
            }
            default -> UiMessages.warn(e.getMessage());
        }
    }
}
