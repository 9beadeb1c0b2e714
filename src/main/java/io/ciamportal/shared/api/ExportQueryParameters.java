package io.ciamportal.shared.api;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.Parameters;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The query parameters of an export upload, documented once for OpenAPI (they are read from the query string). */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Parameters({
        @Parameter(name = "name", in = ParameterIn.QUERY, description = "the file's name, for a raw body"),
        @Parameter(name = "platform", in = ParameterIn.QUERY, description = "auth0, firebase, cognito, keycloak, entra, okta, clerk, supabase, "
                + "stytch, fusionauth, zitadel, ory or generic; default: detected from the content"),
        @Parameter(name = "map", in = ParameterIn.QUERY, description = "for an in-house export: field=column pairs, e.g. email=mail,password=pw_hash"),
        @Parameter(name = "scheme", in = ParameterIn.QUERY, description = "for an in-house export of raw digests: their scheme (md5, sha1, ...)"),
        @Parameter(name = "inactiveDays", in = ParameterIn.QUERY, description = "inactive after this many days without a sign-in (default 90)")})
public @interface ExportQueryParameters {}
