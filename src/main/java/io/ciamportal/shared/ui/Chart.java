package io.ciamportal.shared.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import com.vaadin.flow.shared.Registration;
import java.util.function.Consumer;
import tools.jackson.databind.json.JsonMapper;

/** An ECharts chart ({@code frontend/components/portal-chart.ts}); the option is built on the server as a map. */
@Tag("portal-chart")
@NpmPackage(value = "echarts", version = "5.6.0")
@JsModule("./components/portal-chart.ts")
public final class Chart extends Component {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public Chart(String label) {
        getElement().setAttribute("label", label);
    }

    public void setOption(Object option) {
        getElement().setProperty("option", JSON.writeValueAsString(option));
    }

    public void setHeight(String height) {
        getElement().getStyle().set("height", height);
    }

    /** Called with the clicked point's id. */
    public Registration onPointClick(Consumer<String> listener) {
        return addListener(PointClickEvent.class, e -> listener.accept(e.id));
    }

    @DomEvent("chart-click")
    public static final class PointClickEvent extends ComponentEvent<Chart> {
        private final String id;

        public PointClickEvent(Chart source, boolean fromClient, @EventData("event.detail.id") String id) {
            super(source, fromClient);
            this.id = id;
        }
    }
}
