package io.ciamportal.security.internal;

import io.ciamportal.security.AuthSource;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.time.Instant;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface UserAccountRepository extends JpaRepository<UserAccount, UUID> {

    @Query("select u from UserAccount u where u.authSource = io.ciamportal.security.AuthSource.LOCAL and lower(u.username) = lower(?1)")
    Optional<UserAccount> findLocal(String username);

    @Query("select u from UserAccount u where u.authSource = io.ciamportal.security.AuthSource.OIDC and u.oidcIssuer = ?1 and u.oidcSubject = ?2")
    Optional<UserAccount> findOidc(String issuer, String subject);

    boolean existsByAuthSource(AuthSource source);

    /** The advisory lock key of {@link #lockFirstAccounts()} (ASCII "ciamacct"). */
    long FIRST_ACCOUNTS_LOCK = 0x6369616d61636374L;

    /**
     * Takes the first-accounts lock (a PostgreSQL advisory lock) until the transaction ends, so two instances starting
     * at once on an empty database do not both create the first accounts: the second waits and then finds them.
     */
    @Query(value = "SELECT 1 FROM pg_advisory_xact_lock(" + FIRST_ACCOUNTS_LOCK + ")", nativeQuery = true)
    int lockFirstAccounts();

    /** Accounts with this username, any sign-in source; local accounts first ('LOCAL' sorts before 'OIDC'). */
    @Query("select u from UserAccount u where lower(u.username) = lower(?1) order by u.authSource, u.id")
    List<UserAccount> findByUsernameAnySource(String username);

    @Query("select u from UserAccount u left join fetch u.grants order by lower(u.displayName), u.id")
    List<UserAccount> findAllOrdered();

    /** These accounts with their role grants in one query (not one more query per account for its grants). */
    @Query("select u from UserAccount u left join fetch u.grants where u.id in ?1")
    List<UserAccount> findAllWithGrants(Collection<UUID> ids);

    /**
     * The time of a sign-in, without taking a new version: it changes nothing a session depends on, and several sign-ins
     * of one account at the same moment must not fail on each other's version.
     */
    @Modifying
    @Query("update UserAccount u set u.lastSignInAt = ?2 where u.id = ?1")
    int recordSignIn(UUID id, Instant at);
}
