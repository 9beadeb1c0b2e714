package io.ciamportal.security;

import org.springframework.security.authentication.AuthenticationServiceException;

/** The password could not be checked in time because many other sign-ins were being checked: try again. */
final class SignInBusyException extends AuthenticationServiceException {

    SignInBusyException() {
        super("Many sign-ins are being checked at the moment; try again in a few seconds");
    }
}
