package io.ciamportal.exports.rehearsal;

/** The rehearsal format of each platform, chosen from the source's platform and the kinds of files it had. */
public final class Formats {

    private Formats() {}

    public static Format of(Mix mix) {
        return switch (mix.platform()) {
            case AUTH0 -> new JsonFormats.Auth0(mix);
            case FIREBASE -> new JsonFormats.Firebase();
            case KEYCLOAK -> new JsonFormats.Keycloak();
            case OKTA -> new JsonFormats.Okta();
            case COGNITO -> new JsonFormats.Cognito();
            case ORY -> new JsonFormats.Ory();
            case FUSIONAUTH -> new JsonFormats.FusionAuth();
            case ZITADEL -> new JsonFormats.Zitadel();
            case STYTCH -> new JsonFormats.Stytch(mix);
            case ENTRA -> new JsonFormats.Entra();
            case CLERK -> new CsvFormats.Clerk();
            case SUPABASE -> new CsvFormats.Supabase(mix);
            case GENERIC -> mix.kinds().contains("generic-json") && !mix.kinds().contains("generic-csv") ? new CsvFormats.GenericJson(mix)
                    : new CsvFormats.Generic(mix);
        };
    }
}
