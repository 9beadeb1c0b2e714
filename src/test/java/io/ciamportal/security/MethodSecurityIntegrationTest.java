package io.ciamportal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ciamportal.audit.AuditQueryService;
import io.ciamportal.testsupport.PortalTestBase;
import io.ciamportal.testsupport.SignIn;
import java.util.ArrayList;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.aop.framework.Advised;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authorization.method.AuthorizationManagerBeforeMethodInterceptor;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.util.ReflectionUtils;

/** The one method-security advisor ({@link MethodSecurityConfig}) guards every rule of the portal's beans. */
@Tag("integration")
class MethodSecurityIntegrationTest extends PortalTestBase {

    @Autowired
    ConfigurableApplicationContext context;

    @Autowired
    AccountDirectory accounts;

    @Autowired
    SecurityContextHolderStrategy contexts;

    @Autowired
    AuditQueryService audit;

    @AfterEach
    void signOut() {
        contexts.clearContext();
    }

    @Test
    void everyPortalBeanWithARuleIsProxiedWithTheRule() {
        var guarded = new ArrayList<String>();
        for (String name : context.getBeanDefinitionNames()) {
            Object bean = context.getBeanFactory().getSingleton(name);
            if (bean == null) {
                continue;
            }
            Class<?> type = AopUtils.getTargetClass(bean);
            if (!hasRule(type)) {
                continue;
            }
            assertThat(bean).as(name).isInstanceOf(Advised.class);
            assertThat(((Advised) bean).getAdvisors()).as(name)
                    .anySatisfy(advisor -> assertThat(advisor).isInstanceOf(AuthorizationManagerBeforeMethodInterceptor.class));
            guarded.add(name);
        }
        assertThat(guarded).hasSizeGreaterThan(20).contains("vendorService", "userAdminService", "auditQueryService", "gateService");
    }

    @Test
    void aMethodsRuleOverridesItsClasssAndNeitherLetsAnAnonymousCallerIn() {
        assertThatThrownBy(() -> audit.publicTrail("vendor", "auth0")).isInstanceOf(AuthenticationException.class);

        SignIn.as(contexts, accounts, "viewer");
        assertThat(audit.publicTrail("vendor", "auth0")).isNotNull(); // isAuthenticated() on the method
        assertThatThrownBy(() -> audit.verify()).isInstanceOf(AccessDeniedException.class); // hasRole('ADMIN') on the class

        SignIn.as(contexts, accounts, "admin");
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void theRuleReadsTheApplicationsSecurityContextNotTheStaticHolder() {
        // another application context in the same JVM (as in this test run) sets the static holder to its own strategy
        var staticHolder = SecurityContextHolder.getContextHolderStrategy();
        SecurityContextHolder.setContextHolderStrategy(new NobodySignedIn());
        try {
            SignIn.as(contexts, accounts, "viewer");
            assertThat(audit.publicTrail("vendor", "auth0")).isNotNull();
        } finally {
            SecurityContextHolder.setContextHolderStrategy(staticHolder);
        }
    }

    /** A holder in which nobody is ever signed in. */
    private static final class NobodySignedIn implements SecurityContextHolderStrategy {

        @Override
        public void clearContext() {}

        @Override
        public SecurityContext getContext() {
            return createEmptyContext();
        }

        @Override
        public void setContext(SecurityContext context) {}

        @Override
        public SecurityContext createEmptyContext() {
            return new SecurityContextImpl();
        }
    }

    private static boolean hasRule(Class<?> type) {
        return AnnotatedElementUtils.hasAnnotation(type, PreAuthorize.class)
                || Arrays.stream(ReflectionUtils.getUniqueDeclaredMethods(type))
                        .anyMatch(method -> AnnotatedElementUtils.hasAnnotation(method, PreAuthorize.class));
    }
}
