package io.ciamportal.security;

import java.util.function.Supplier;
import org.springframework.aop.Advisor;
import org.springframework.aop.ClassFilter;
import org.springframework.aop.support.ComposablePointcut;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.security.access.expression.method.DefaultMethodSecurityExpressionHandler;
import org.springframework.security.authorization.method.AuthorizationManagerBeforeMethodInterceptor;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.util.function.SingletonSupplier;

/**
 * Method security: the {@code @PreAuthorize} rules of the portal's services, and nothing else.
 *
 * <p>In place of {@code @EnableMethodSecurity}, which puts five advisors in front of every bean of the context (pre-
 * and post-authorize, pre- and post-filter, authorize-return-object) and checks each against every method of every
 * framework bean at start. The portal uses {@code @PreAuthorize} only, on its own classes, so the one advisor here
 * passes over any other class by its name. The rule itself is Spring Security's: the same annotation lookup (class or
 * method, inherited), expressions, {@code ROLE_} prefix, order among the advisors, and security context: the
 * application's own {@link SecurityContextHolderStrategy} bean (Vaadin's), the one the filter chains fill, not the
 * static holder, which another application context in the same JVM may have replaced. {@code
 * MethodSecurityIntegrationTest} checks that every portal bean with a rule is guarded, and that a refused call is
 * refused.
 */
@Configuration(proxyBeanMethods = false)
@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
class MethodSecurityConfig {

    /** The classes method security looks at: the portal's. */
    static final ClassFilter PORTAL_CLASSES = type -> type.getName().startsWith("io.ciamportal.");

    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static Advisor preAuthorizeAdvisor(ApplicationContext context, ObjectProvider<SecurityContextHolderStrategy> strategies) {
        var expressions = new DefaultMethodSecurityExpressionHandler();
        expressions.setApplicationContext(context);
        var rules = new PreAuthorizeAuthorizationManager();
        rules.setExpressionHandler(expressions);
        rules.setApplicationContext(context);
        var standard = AuthorizationManagerBeforeMethodInterceptor.preAuthorize(rules);
        var advisor = new AuthorizationManagerBeforeMethodInterceptor(
                new ComposablePointcut(PORTAL_CLASSES).intersection(standard.getPointcut()), rules);
        advisor.setOrder(standard.getOrder());
        // looked up at the first guarded call: advisors are made before most beans, and the strategy need not be early
        advisor.setSecurityContextHolderStrategy(new ContextsFromTheApplication(
                SingletonSupplier.of(() -> strategies.getIfAvailable(SecurityContextHolder::getContextHolderStrategy))));
        return advisor;
    }

    /** The application's strategy, resolved once, when first needed. */
    private record ContextsFromTheApplication(Supplier<SecurityContextHolderStrategy> strategy) implements SecurityContextHolderStrategy {

        @Override
        public void clearContext() {
            strategy.get().clearContext();
        }

        @Override
        public SecurityContext getContext() {
            return strategy.get().getContext();
        }

        @Override
        public Supplier<SecurityContext> getDeferredContext() {
            return strategy.get().getDeferredContext();
        }

        @Override
        public void setContext(SecurityContext context) {
            strategy.get().setContext(context);
        }

        @Override
        public void setDeferredContext(Supplier<SecurityContext> deferredContext) {
            strategy.get().setDeferredContext(deferredContext);
        }

        @Override
        public SecurityContext createEmptyContext() {
            return strategy.get().createEmptyContext();
        }
    }
}
