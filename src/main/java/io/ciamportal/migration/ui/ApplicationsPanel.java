package io.ciamportal.migration.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.VaadinService;
import io.ciamportal.migration.ApplicationAssessment;
import io.ciamportal.migration.ApplicationInventory;
import io.ciamportal.migration.ApplicationInventory.AppType;
import io.ciamportal.migration.ApplicationInventory.ClientApp;
import io.ciamportal.migration.ApplicationInventory.CustomDomain;
import io.ciamportal.migration.ApplicationInventory.GrantType;
import io.ciamportal.migration.ApplicationInventory.TlsCertificate;
import io.ciamportal.migration.ApplicationInventory.Webhook;
import io.ciamportal.migration.MigrationApplicationsService;
import io.ciamportal.migration.MigrationViews;
import io.ciamportal.shared.InvalidInputException;
import io.ciamportal.shared.StaleVersionException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The Applications tab: the verdicts of the application side, then its inventory as editable lists (a card per client
 * application with its URIs one per line, a row per domain and webhook, the counts). URIs are checked as they are
 * typed; an error the service finds is shown on the field it names ({@code clients[0].redirectUris[1]}). Read-only
 * for those who may not edit the migration; the service refuses them anyway.
 */
final class ApplicationsPanel extends VerticalLayout {

    private static final Pattern FIELD = Pattern.compile("(clients|domains|webhooks)\\[(\\d+)](?:\\.(\\w+)(?:\\[(\\d+)])?)?");

    private final MigrationViews.Details details;
    private final boolean canEdit;
    private final Consumer<String> reload;
    private final List<ClientCard> clients = new ArrayList<>();
    private final List<DomainRow> domains = new ArrayList<>();
    private final List<WebhookRow> webhooks = new ArrayList<>();
    private final Div clientList = new Div();
    private final Div domainList = new Div();
    private final Div webhookList = new Div();
    private final IntegerField apis = count("APIs that validate tokens");
    private final IntegerField email = count("Email templates");
    private final IntegerField sms = count("SMS templates");
    private final TextField locales = new TextField("Template locales");
    private final TextArea senders = new TextArea("Sender domains, one per line");
    private final IntegerField logStreams = count("Log streams to a SIEM");
    private final IntegerField apiKeys = count("API keys");
    private final IntegerField machines = count("Machine credentials");
    private final Div problem = new Div();

    /**
     * @param reload reloads the migration page on this tab with a message
     */
    ApplicationsPanel(MigrationViews.Details d, Consumer<String> reload) {
        this.details = d;
        this.canEdit = d.canEdit();
        this.reload = reload;
        setPadding(false);
        addClassName("portal-applications");
        var a = d.applicationAssessment();
        var apps = d.applications();

        if (!a.listed()) {
            var empty = new Div(new Span(canEdit
                    ? "Nothing is listed on the application side yet. List the client applications, domains, templates, webhooks and keys "
                            + "that " + d.summary().sourceName() + " holds for your apps: the verdicts below then count what each item touches."
                    : "Nothing is listed on the application side yet; an analyst of this migration fills it in."));
            empty.addClassNames("portal-notice", "portal-notice-info");
            empty.getElement().setAttribute("data-notice", "applications-empty");
            add(empty);
        }
        add(new H3("What the applications must change"));
        var list = new Div();
        list.addClassName("portal-items");
        list.getElement().setAttribute("data-list", "application-verdicts");
        for (ApplicationAssessment.ItemVerdict item : a.items()) {
            var row = AssessmentPanel.itemRow(item.item().key(), item.item().label(), item.verdict(), item.affected(), item.unit(), item.reason(),
                    item.facts(), item.effort());
            // a fact the vendor index does not hold has no source to link: say which one it is
            var missing = item.facts().stream().filter(f -> f.sources().isEmpty() && f.support() == io.ciamportal.vendor.Support.UNKNOWN)
                    .map(f -> f.vendor() + ": " + f.fact()).toList();
            if (!missing.isEmpty()) {
                var note = new Div();
                note.setText("Not in the vendor index yet: " + String.join(", ", missing));
                note.addClassName("portal-muted");
                note.getElement().setAttribute("data-missing-facts", "");
                row.addComponentAtIndex(Math.max(0, row.getComponentCount() - 1), note);
            }
            list.add(row);
        }
        add(list);

        add(new H3("Application inventory"));
        problem.addClassNames("portal-notice", "portal-notice-error");
        problem.setVisible(false);
        problem.getElement().setAttribute("role", "alert");
        add(problem);

        // client applications
        add(new H4("Client applications"));
        clientList.addClassName("portal-app-list");
        apps.clients().forEach(this::addClient);
        add(clientList);
        if (canEdit) {
            add(addButton("Add client application", () -> addClient(null)));
        } else if (apps.clients().isEmpty()) {
            add(muted("No client applications listed."));
        }

        // domains
        add(new H4("Custom domains"));
        domainList.addClassName("portal-app-list");
        apps.domains().forEach(this::addDomain);
        add(domainList);
        if (canEdit) {
            add(addButton("Add custom domain", () -> addDomain(null)));
        } else if (apps.domains().isEmpty()) {
            add(muted("No custom domains listed."));
        }

        // templates
        add(new H4("Email and SMS templates"));
        locales.setHelperText("Language tags, separated by commas (en, de-CH, pt-BR)");
        locales.setValue(String.join(", ", apps.templateLocales()));
        senders.setHelperText("Domains your email is sent from; their SPF and DKIM records move with them");
        senders.setValue(String.join("\n", apps.senderDomains()));
        setCount(email, apps.emailTemplates());
        setCount(sms, apps.smsTemplates());
        add(form(email, sms, locales, senders));

        // webhooks
        add(new H4("Webhooks"));
        webhookList.addClassName("portal-app-list");
        apps.webhooks().forEach(this::addWebhook);
        add(webhookList);
        if (canEdit) {
            add(addButton("Add webhook", () -> addWebhook(null)));
        } else if (apps.webhooks().isEmpty()) {
            add(muted("No webhooks listed."));
        }

        // counts
        add(new H4("APIs, logs and keys"));
        setCount(apis, apps.tokenValidatingApis());
        apis.setHelperText("APIs and services that check the issuer's tokens (besides the clients above)");
        setCount(logStreams, apps.logStreams());
        setCount(apiKeys, apps.apiKeys());
        apiKeys.setHelperText("Management API keys and tokens held by scripts and services");
        setCount(machines, apps.machineCredentials());
        machines.setHelperText("Service accounts and keys that are not among the clients above");
        add(form(apis, logStreams, apiKeys, machines));
        add(muted("An empty count is unknown, not zero. Enterprise connections are counted in the Inventory tab; each is a hand-off "
                + "with the customer's own IdP admin."));

        if (canEdit) {
            var save = new Button("Save application side", e -> save());
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(save);
        } else {
            for (var field : List.of(apis, email, sms, logStreams, apiKeys, machines)) {
                field.setReadOnly(true);
            }
            locales.setReadOnly(true);
            senders.setReadOnly(true);
        }
    }

    // ---- the lists ----------------------------------------------------------------------------------------------

    private void addClient(@Nullable ClientApp app) {
        var card = new ClientCard(clients.size() + 1, app, canEdit);
        card.remove.addClickListener(e -> {
            clients.remove(card);
            clientList.remove(card);
        });
        clients.add(card);
        clientList.add(card);
        if (app == null) {
            card.name.focus();
        }
    }

    private void addDomain(@Nullable CustomDomain domain) {
        var row = new DomainRow(domain, canEdit);
        row.remove.addClickListener(e -> {
            domains.remove(row);
            domainList.remove(row);
        });
        domains.add(row);
        domainList.add(row);
    }

    private void addWebhook(@Nullable Webhook hook) {
        var row = new WebhookRow(hook, canEdit);
        row.remove.addClickListener(e -> {
            webhooks.remove(row);
            webhookList.remove(row);
        });
        webhooks.add(row);
        webhookList.add(row);
    }

    /** One client application as a card: name, kind, URIs one per line, grant types, whether it keys on sub. */
    static final class ClientCard extends Div {
        final TextField name = new TextField("Name");
        final Select<AppType> type = new Select<>();
        final TextArea redirects = new TextArea("Redirect URIs, one per line");
        final TextArea logouts = new TextArea("Logout URIs, one per line");
        final CheckboxGroup<GrantType> grants = new CheckboxGroup<>("Grant types");
        final Checkbox keysOnSub = new Checkbox("Stores the user's sub as a key (a foreign key in its database)");
        final Button remove = new Button("Remove client application");

        ClientCard(int number, @Nullable ClientApp app, boolean canEdit) {
            addClassNames("portal-card", "portal-app-card");
            getElement().setAttribute("role", "group");
            getElement().setAttribute("aria-label", "Client application " + number);
            type.setLabel("Kind");
            type.setItems(AppType.values());
            type.setItemLabelGenerator(AppType::label);
            type.setPlaceholder("Choose");
            grants.setItems(GrantType.values());
            // the URN grants by their last part, so the row stays short
            grants.setItemLabelGenerator(g -> g.wireName().substring(g.wireName().lastIndexOf(':') + 1));
            grants.addClassName("portal-grants");
            name.setMaxLength(ApplicationInventory.MAX_NAME);
            if (app != null) {
                name.setValue(app.name());
                type.setValue(app.type());
                redirects.setValue(String.join("\n", app.redirectUris()));
                logouts.setValue(String.join("\n", app.logoutUris()));
                grants.setValue(app.grantTypes());
                keysOnSub.setValue(app.keysOnSub());
            }
            redirects.addValueChangeListener(e -> checkLines(redirects, "Redirect URI"));
            logouts.addValueChangeListener(e -> checkLines(logouts, "Logout URI"));
            var form = form(name, type, redirects, logouts);
            add(form, grants, new Div(keysOnSub));
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            if (canEdit) {
                add(new Div(remove));
            } else {
                name.setReadOnly(true);
                type.setReadOnly(true);
                redirects.setReadOnly(true);
                logouts.setReadOnly(true);
                grants.setReadOnly(true);
                keysOnSub.setReadOnly(true);
            }
        }

        ClientApp app() {
            return new ClientApp(name.getValue(), type.getValue(), lines(redirects.getValue()), lines(logouts.getValue()),
                    grants.getValue(), keysOnSub.getValue());
        }

        /** Marks the first line that is not an absolute URI, as one types. */
        private static void checkLines(TextArea area, String what) {
            var values = lines(area.getValue());
            for (int i = 0; i < values.size(); i++) {
                String problem = ApplicationInventory.uriProblem(values.get(i));
                if (problem != null) {
                    area.setErrorMessage(what + " " + (i + 1) + ": " + problem);
                    area.setInvalid(true);
                    return;
                }
            }
            area.setInvalid(false);
        }
    }

    /** One custom domain: hostname, how many DNS records point it at the vendor, who holds its certificate. */
    static final class DomainRow extends Div {
        final TextField hostname = new TextField("Domain");
        final IntegerField dnsRecords = count("DNS records");
        final Select<TlsCertificate> tls = new Select<>();
        final Button remove = new Button("Remove");

        DomainRow(@Nullable CustomDomain domain, boolean canEdit) {
            addClassNames("portal-card", "portal-app-row");
            getElement().setAttribute("role", "group");
            getElement().setAttribute("aria-label", "Custom domain");
            hostname.setPlaceholder("login.example.com");
            tls.setLabel("TLS certificate");
            tls.setItems(TlsCertificate.values());
            tls.setItemLabelGenerator(TlsCertificate::label);
            tls.setValue(TlsCertificate.UNKNOWN);
            if (domain != null) {
                hostname.setValue(domain.hostname());
                setCount(dnsRecords, domain.dnsRecords());
                tls.setValue(domain.tls());
            }
            add(form(hostname, dnsRecords, tls));
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            remove.setAriaLabel("Remove custom domain");
            if (canEdit) {
                add(remove);
            } else {
                hostname.setReadOnly(true);
                dnsRecords.setReadOnly(true);
                tls.setReadOnly(true);
            }
        }

        CustomDomain domain() {
            return new CustomDomain(hostname.getValue(), dnsRecords.getValue(), tls.getValue());
        }
    }

    /** One webhook: a name, its endpoint, whether the receiver verifies a signing secret. */
    static final class WebhookRow extends Div {
        final TextField name = new TextField("Webhook name");
        final TextField endpoint = new TextField("Endpoint URL");
        final Checkbox signed = new Checkbox("The receiver verifies a signing secret");
        final Button remove = new Button("Remove");

        WebhookRow(@Nullable Webhook hook, boolean canEdit) {
            addClassNames("portal-card", "portal-app-row");
            getElement().setAttribute("role", "group");
            getElement().setAttribute("aria-label", "Webhook");
            endpoint.setPlaceholder("https://hooks.example.com/identity");
            if (hook != null) {
                name.setValue(hook.name());
                endpoint.setValue(hook.endpoint());
                signed.setValue(hook.signed());
            }
            endpoint.addValueChangeListener(e -> {
                String problem = endpoint.getValue().isBlank() ? null : ApplicationInventory.uriProblem(endpoint.getValue());
                endpoint.setErrorMessage(problem);
                endpoint.setInvalid(problem != null);
            });
            add(form(name, endpoint), new Div(signed));
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            remove.setAriaLabel("Remove webhook");
            if (canEdit) {
                add(new Div(remove));
            } else {
                name.setReadOnly(true);
                endpoint.setReadOnly(true);
                signed.setReadOnly(true);
            }
        }

        Webhook webhook() {
            return new Webhook(name.getValue(), endpoint.getValue(), signed.getValue());
        }
    }

    // ---- saving -------------------------------------------------------------------------------------------------

    ApplicationInventory inventory() {
        return new ApplicationInventory(clients.stream().map(ClientCard::app).toList(), apis.getValue(),
                domains.stream().map(DomainRow::domain).toList(), email.getValue(), sms.getValue(),
                Arrays.stream(locales.getValue().split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList(), lines(senders.getValue()),
                webhooks.stream().map(WebhookRow::webhook).toList(), logStreams.getValue(), apiKeys.getValue(), machines.getValue());
    }

    private void save() {
        clearErrors();
        var numbers = new ArrayList<IntegerField>(List.of(apis, email, sms, logStreams, apiKeys, machines));
        domains.forEach(r -> numbers.add(r.dnsRecords));
        var badNumber = numbers.stream().filter(IntegerField::isInvalid).findFirst();
        if (badNumber.isPresent()) {
            showProblem(badNumber.get().getLabel() + ": a whole number from 0, or empty when unknown.");
            badNumber.get().focus();
            return;
        }
        try {
            var service = VaadinService.getCurrent().getInstantiator().getOrCreate(MigrationApplicationsService.class);
            service.update(details.summary().id(), details.version(), inventory());
            reload.accept("Application side saved; the verdicts, the plan and the audit log are updated.");
        } catch (InvalidInputException e) {
            showError(e);
        } catch (StaleVersionException e) {
            var again = new Button("Reload", ev -> reload.accept("Reloaded: someone else changed this migration."));
            var notification = new Notification(new Span(e.getMessage()), again);
            notification.setDuration(10_000);
            notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
            notification.open();
        }
    }

    /** Shows a refusal on the field it names, and above the form in words. */
    void showError(InvalidInputException e) {
        String field = e.field() == null ? "" : e.field();
        var target = target(field);
        String message = e.getMessage();
        if (target instanceof HasValidation v) {
            v.setErrorMessage(message);
            v.setInvalid(true);
            if (target instanceof com.vaadin.flow.component.Focusable<?> f) {
                f.focus();
            }
        }
        showProblem(where(field) + message);
    }

    private @Nullable Component target(String field) {
        var m = FIELD.matcher(field);
        if (m.matches()) {
            int i = Integer.parseInt(m.group(2));
            String part = m.group(3) == null ? "" : m.group(3);
            return switch (m.group(1)) {
                case "clients" -> i >= clients.size() ? null : switch (part) {
                    case "name" -> clients.get(i).name;
                    case "type" -> clients.get(i).type;
                    case "redirectUris" -> clients.get(i).redirects;
                    case "logoutUris" -> clients.get(i).logouts;
                    default -> clients.get(i).name;
                };
                case "domains" -> i >= domains.size() ? null : part.equals("dnsRecords") ? domains.get(i).dnsRecords : domains.get(i).hostname;
                default -> i >= webhooks.size() ? null : part.equals("name") ? webhooks.get(i).name : webhooks.get(i).endpoint;
            };
        }
        Map<String, Component> top = new LinkedHashMap<>();
        top.put("tokenValidatingApis", apis);
        top.put("emailTemplates", email);
        top.put("smsTemplates", sms);
        top.put("templateLocales", locales);
        top.put("senderDomains", senders);
        top.put("logStreams", logStreams);
        top.put("apiKeys", apiKeys);
        top.put("machineCredentials", machines);
        String base = field.contains("[") ? field.substring(0, field.indexOf('[')) : field;
        return top.get(base);
    }

    /** "Client application 1 (Shop), redirect URI 2: " for a field path. */
    private String where(String field) {
        var m = FIELD.matcher(field);
        if (!m.matches()) {
            var line = Pattern.compile("(templateLocales|senderDomains)\\[(\\d+)]").matcher(field);
            if (line.matches()) {
                return (line.group(1).equals("templateLocales") ? "Locale " : "Sender domain ") + (Integer.parseInt(line.group(2)) + 1) + ": ";
            }
            return "";
        }
        int i = Integer.parseInt(m.group(2));
        String what = switch (m.group(1)) {
            case "clients" -> "Client application " + (i + 1) + (i < clients.size() && !clients.get(i).name.getValue().isBlank()
                    ? " (" + clients.get(i).name.getValue().strip() + ")" : "");
            case "domains" -> "Custom domain " + (i + 1);
            default -> "Webhook " + (i + 1);
        };
        String part = m.group(3) == null ? "" : switch (m.group(3)) {
            case "redirectUris" -> ", redirect URI" + (m.group(4) == null ? "s" : " " + (Integer.parseInt(m.group(4)) + 1));
            case "logoutUris" -> ", logout URI" + (m.group(4) == null ? "s" : " " + (Integer.parseInt(m.group(4)) + 1));
            case "name" -> ", name";
            case "type" -> ", kind";
            case "hostname" -> ", domain";
            case "dnsRecords" -> ", DNS records";
            case "endpoint" -> ", endpoint";
            default -> "";
        };
        return what + part + ": ";
    }

    private void showProblem(String text) {
        problem.setText(text);
        problem.setVisible(true);
    }

    private void clearErrors() {
        problem.setVisible(false);
        for (var c : clients) {
            for (HasValidation v : List.<HasValidation>of(c.name, c.type, c.redirects, c.logouts)) {
                v.setInvalid(false);
            }
        }
        domains.forEach(r -> r.hostname.setInvalid(false));
        webhooks.forEach(r -> {
            r.name.setInvalid(false);
            r.endpoint.setInvalid(false);
        });
        locales.setInvalid(false);
        senders.setInvalid(false);
    }

    // ---- small parts --------------------------------------------------------------------------------------------

    static List<String> lines(String text) {
        return text.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static IntegerField count(String label) {
        var field = new IntegerField(label);
        field.setMin(0);
        field.setMax(1_000_000);
        field.setPlaceholder("unknown");
        return field;
    }

    private static void setCount(IntegerField field, @Nullable Integer value) {
        field.setValue(value);
    }

    private static FormLayout form(Component... fields) {
        var form = new FormLayout(fields);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("36em", 2));
        return form;
    }

    private static Button addButton(String text, Runnable action) {
        var button = new Button(text, e -> action.run());
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        return button;
    }

    private static Paragraph muted(String text) {
        var p = new Paragraph(text);
        p.addClassName("portal-muted");
        return p;
    }
}
