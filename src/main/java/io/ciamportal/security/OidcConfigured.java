package io.ciamportal.security;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** True when OIDC_ISSUER_URI, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are all set. */
final class OidcConfigured implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return Binder.get(context.getEnvironment()).bind("portal.oidc", PortalProperties.Oidc.class)
                .map(PortalProperties.Oidc::configured)
                .orElse(false);
    }
}
