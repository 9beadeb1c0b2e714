package io.ciamportal.security;

import org.springframework.aop.Advisor;
import org.springframework.aop.ClassFilter;
import org.springframework.aop.support.ComposablePointcut;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.security.access.expression.method.DefaultMethodSecurityExpressionHandler;
import org.springframework.security.authorization.method.AuthorizationManagerBeforeMethodInterceptor;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;

/**
 * Method security: the {@code @PreAuthorize} rules of the portal's services, and nothing else.
 *
 * <p>In place of {@code @EnableMethodSecurity}, which puts five advisors in front of every bean of the context (pre-
 * and post-authorize, pre- and post-filter, authorize-return-object) and checks each against every method of every
 * framework bean at start. The portal uses {@code @PreAuthorize} only, on its own classes, so the one advisor here
 * passes over any other class by its name. The rule itself is Spring Security's: the same annotation lookup (class or
 * method, inherited), expressions, {@code ROLE_} prefix, order among the advisors, and security context (the holder's
 * strategy, which Vaadin sets to its own). {@code MethodSecurityIntegrationTest} checks that every portal bean with a
 * rule is guarded, and that a refused call is refused.
 */
@Configuration(proxyBeanMethods = false)
@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
class MethodSecurityConfig {

    /** The classes method security looks at: the portal's. */
    static final ClassFilter PORTAL_CLASSES = type -> type.getName().startsWith("io.ciamportal.");

    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static Advisor preAuthorizeAdvisor(ApplicationContext context) {
        var expressions = new DefaultMethodSecurityExpressionHandler();
        expressions.setApplicationContext(context);
        var rules = new PreAuthorizeAuthorizationManager();
        rules.setExpressionHandler(expressions);
        rules.setApplicationContext(context);
        var standard = AuthorizationManagerBeforeMethodInterceptor.preAuthorize(rules);
        var advisor = new AuthorizationManagerBeforeMethodInterceptor(
                new ComposablePointcut(PORTAL_CLASSES).intersection(standard.getPointcut()), rules);
        advisor.setOrder(standard.getOrder());
        return advisor;
    }
}
