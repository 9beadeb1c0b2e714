package io.ciamportal.testsupport;

import io.ciamportal.Application;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/** The portal as it runs for real on an HTTP port: embedded PostgreSQL, demo accounts, no OIDC provider. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@SpringBootTest(classes = Application.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "portal.demo=true",
        "portal.demo-password=" + RunningPortal.DEMO_PASSWORD,
        "portal.admin-password=",
        "portal.local-accounts=",
        "portal.oidc.issuer-uri=",
        "spring.datasource.url="})
public @interface DemoPortalTest {}
