package io.ciamportal.database.internal;

import jakarta.persistence.EntityManagerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.jpa.autoconfigure.EntityManagerFactoryBuilderCustomizer;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.server.servlet.ConfigurableServletWebServerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;

/**
 * Hibernate builds its metamodel on a thread of its own while the web server starts, instead of before it.
 *
 * <p>Start-up is mostly one thread, and Hibernate's model of the entities was the largest single piece of it (about 0.8
 * of 4 s on two cores). The entity manager factory bean is now asked for as the web server factory is made: the data
 * source and Flyway's migrations run then, on the main thread, as before; Hibernate's own build goes to the bootstrap
 * thread and the main thread goes on with Tomcat, the filters and the servlets. The first repository waits for the
 * build, which is done by then. A build that fails fails the start, as before, at that first use.
 */
@Configuration(proxyBeanMethods = false)
class HibernateBootstrapConfiguration {

    @Bean
    EntityManagerFactoryBuilderCustomizer hibernateBuildsInTheBackground() {
        return builder -> builder.setBootstrapExecutor(new SimpleAsyncTaskExecutor("hibernate-bootstrap-"));
    }

    @Bean
    WebServerFactoryCustomizer<ConfigurableServletWebServerFactory> hibernateStartsWithTheWebServer(
            ObjectProvider<EntityManagerFactory> entityManagerFactory) {
        return factory -> entityManagerFactory.getIfAvailable();
    }
}
