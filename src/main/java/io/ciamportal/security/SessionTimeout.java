package io.ciamportal.security;

import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Gives every new session the configured idle timeout to the second. Tomcat rounds {@code server.servlet.session.timeout}
 * up to whole minutes; the session itself takes seconds, and Vaadin's idle-session check reads it from there.
 */
@Component
class SessionTimeout implements HttpSessionListener {

    private final int seconds;

    SessionTimeout(@Value("${server.servlet.session.timeout:30m}") Duration timeout) {
        this.seconds = (int) Math.clamp(timeout.toSeconds(), 1, Integer.MAX_VALUE);
    }

    @Override
    public void sessionCreated(HttpSessionEvent event) {
        event.getSession().setMaxInactiveInterval(seconds);
    }
}
