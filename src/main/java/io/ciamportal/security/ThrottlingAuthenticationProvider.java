package io.ciamportal.security;

import io.ciamportal.shared.DatabaseOutage;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Local sign-in (form and HTTP Basic) with throttling: a username or an address that failed too often is refused
 * before the password is even checked, and every failure counts against both. The counts live in the database, so they
 * hold across portal instances; when the database cannot be reached the sign-in fails with that error (the outage
 * filter answers 503) and nothing is counted.
 */
final class ThrottlingAuthenticationProvider implements AuthenticationProvider {

    private final AuthenticationProvider passwords;
    private final SignInThrottle byUsername;
    private final SignInThrottle byAddress;

    ThrottlingAuthenticationProvider(AuthenticationProvider passwords, SignInThrottle byUsername, SignInThrottle byAddress) {
        this.passwords = passwords;
        this.byUsername = byUsername;
        this.byAddress = byAddress;
    }

    @Override
    public @Nullable Authentication authenticate(Authentication authentication) {
        String userKey = String.valueOf(authentication.getName()).strip().toLowerCase(Locale.ROOT);
        String addressKey = authentication.getDetails() instanceof WebAuthenticationDetails web && web.getRemoteAddress() != null
                ? web.getRemoteAddress() : "unknown";
        var wait = byUsername.blockedFor(userKey).or(() -> byAddress.blockedFor(addressKey));
        if (wait.isPresent()) {
            throw new SignInThrottledException(wait.get());
        }
        try {
            var result = passwords.authenticate(authentication);
            byUsername.success(userKey);
            return result;
        } catch (AuthenticationException e) {
            if (DatabaseOutage.causedBy(e) || e instanceof SignInBusyException) {
                throw e; // the password could not be checked: not a failure of the person signing in
            }
            byUsername.failure(userKey);
            byAddress.failure(addressKey);
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
