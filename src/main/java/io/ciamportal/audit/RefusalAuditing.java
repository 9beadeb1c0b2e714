package io.ciamportal.audit;

import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;
import org.springframework.aop.Advisor;
import org.springframework.aop.support.ComposablePointcut;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.authorization.ExpressionAuthorizationDecision;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.bind.annotation.RestController;

/**
 * Records every refused guarded action the same way: when a feature service refuses a call for lack of a role or a
 * membership (a {@code @PreAuthorize} rule or a check in the code), one {@link AuditAction#ACCESS_DENIED} entry with
 * outcome DENIED names the operation and the reason, in a transaction of its own, and the refusal goes on to the
 * caller unchanged.
 *
 * <p>The interceptor wraps every {@code @Service} and {@code @RestController} outside method security and
 * transactions. It records at the outermost guarded call of a thread, once however many services the refusal passed
 * through, naming the innermost operation that refused.
 */
@Configuration(proxyBeanMethods = false)
class RefusalAuditing {

    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static Advisor refusalAuditingAdvisor(ObjectProvider<AuditLog> audit) {
        var guarded = new ComposablePointcut(new AnnotationMatchingPointcut(Service.class, true))
                .union(new AnnotationMatchingPointcut(RestController.class, true));
        var advisor = new DefaultPointcutAdvisor(guarded, new Interceptor(audit));
        advisor.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return advisor;
    }

    static final class Interceptor implements MethodInterceptor {

        private static final ThreadLocal<Calls> CALLS = ThreadLocal.withInitial(Calls::new);

        private final ObjectProvider<AuditLog> audit;

        Interceptor(ObjectProvider<AuditLog> audit) {
            this.audit = audit;
        }

        @Override
        public @Nullable Object invoke(MethodInvocation invocation) throws Throwable {
            if (invocation.getMethod().getDeclaringClass() == AuditLog.class) {
                return invocation.proceed();
            }
            Calls calls = CALLS.get();
            calls.depth++;
            try {
                return invocation.proceed();
            } catch (AccessDeniedException refused) {
                if (calls.origin == null || calls.refusal != refused) {
                    // the innermost guarded operation that refused names the refusal
                    calls.refusal = refused;
                    calls.origin = operation(invocation);
                }
                if (calls.depth == 1 && !TransactionSynchronizationManager.isActualTransactionActive()) {
                    record(calls.origin, refused);
                }
                throw refused;
            } finally {
                if (--calls.depth == 0) {
                    CALLS.remove();
                }
            }
        }

        private static String operation(MethodInvocation invocation) {
            return invocation.getMethod().getDeclaringClass().getSimpleName() + "." + invocation.getMethod().getName();
        }

        private void record(String operation, AccessDeniedException refused) {
            audit.getObject().recordIndependently(AuditEvent.denied(AuditAction.ACCESS_DENIED, AuditTarget.OPERATION, operation,
                    reason(refused)));
        }

        static String reason(AccessDeniedException refused) {
            if (refused instanceof AuthorizationDeniedException denied
                    && denied.getAuthorizationResult() instanceof ExpressionAuthorizationDecision decision) {
                return "needs " + decision.getExpression().getExpressionString();
            }
            String message = refused.getMessage();
            return message == null || message.isBlank() ? "access denied" : message;
        }
    }

    /** The calls in progress on this thread, and the refusal seen last with the operation that made it. */
    private static final class Calls {
        int depth;
        @Nullable AccessDeniedException refusal;
        @Nullable String origin;
    }
}
