package io.ciamportal.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.ciamportal.testsupport.PortalTestBase;
import jakarta.servlet.ServletContext;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;

/**
 * Start-up order: Hibernate builds its model on a thread of its own, and the web server does not wait for it (no
 * servlet filter of the container needs the database); and no meter registry nobody reads is made.
 */
@Tag("integration")
class HibernateBootstrapIntegrationTest extends PortalTestBase {

    @Autowired
    ConfigurableApplicationContext context;

    @Autowired
    ServletContext servletContext;

    @Test
    void hibernateIsBuiltOnTheBootstrapThreadAndTheRepositoriesWork() {
        var factory = context.getBeanFactory().getBean("&entityManagerFactory", LocalContainerEntityManagerFactoryBean.class);
        assertThat(factory.getBootstrapExecutor()).as("the bootstrap executor").isNotNull();
        assertThat(factory.getNativeEntityManagerFactory().isOpen()).isTrue();
        assertThat(factory.getNativeEntityManagerFactory().getMetamodel().getEntities()).isNotEmpty();
    }

    @Test
    void theSessionRefreshIsInTheSecurityChainsOnlyNotAContainerFilter() {
        assertThat(servletContext.getFilterRegistrations().keySet())
                .contains("springSecurityFilterChain")
                .noneMatch(name -> name.toLowerCase().contains("refresh"));
    }

    @Test
    void noMeterRegistryOrObservationsAreMadeWhileNothingExposesThem() {
        assertThat(context.getBeanNamesForType(io.micrometer.core.instrument.MeterRegistry.class)).isEmpty();
        assertThat(context.getBeanNamesForType(io.micrometer.observation.ObservationRegistry.class)).isEmpty();
        assertThat(servletContext.getFilterRegistrations().keySet()).noneMatch(name -> name.toLowerCase().contains("observation"));
    }
}
