#!/usr/bin/env python3
"""Generates the user-export test fixtures under this directory, and their answer keys.

    python3 src/test/resources/exports/make_fixtures.py

Deterministic: the same script writes byte-identical files (seeded random, gzip mtime 0).
Every person is invented; emails are @example.com / @example.org; hashes are syntactically valid for their
scheme (prefix, length, alphabet) but verify no password.

Two halves:
  1. gen_*   write the fixture files from hand-written user lists.
  2. read_*  read the written files back (never the Python lists) into neutral records, and
     summarise() turns those into <file>.expected.json. See README.md for what every key means.
Finally self_check() asserts invariants (hash shapes, marker placement, gzip == ndjson, ...).
"""
from __future__ import annotations

import base64
import csv
import gzip
import io
import json
import random
import re
import string
import struct
import uuid
from collections import Counter, defaultdict
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent
R = random.Random(20261201)
MARKER = "MARKER-PII-7f3a"
# The marker in a phone field: an E.164 number with an RFC 3966 style extension (a digit-only phone cannot hold it).
MARKER_PHONE = "+15555550188;ext=" + MARKER
# The marker in a TOTP-secret-like field: the marker, then a valid base32 tail.
MARKER_SECRET = MARKER + "JBSWY3DPEHPK3PXP"

ALNUM = string.ascii_letters + string.digits
B32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
CRYPT64 = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
BCRYPT64 = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
STD64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"


# ---------------------------------------------------------------------------------------------------------------
# value helpers
# ---------------------------------------------------------------------------------------------------------------

def rb(n: int) -> bytes:
    return bytes(R.getrandbits(8) for _ in range(n))


def b64(n: int) -> str:
    return base64.b64encode(rb(n)).decode()


def b64nopad(n: int) -> str:
    return b64(n).rstrip("=")


def b64url(n: int) -> str:
    return base64.urlsafe_b64encode(rb(n)).decode()


def hexs(n: int) -> str:
    return "".join(R.choice("0123456789abcdef") for _ in range(n))


def alnum(n: int) -> str:
    return "".join(R.choice(ALNUM) for _ in range(n))


def base32(n: int) -> str:
    return "".join(R.choice(B32) for _ in range(n))


def uid() -> str:
    return str(uuid.UUID(int=R.getrandbits(128), version=4))


def bcrypt_b64(data: bytes) -> str:
    return base64.b64encode(data).decode().rstrip("=").translate(str.maketrans(STD64, BCRYPT64))


def bcrypt(cost: int = 10, ver: str = "2b") -> str:
    """$2b$10$ + 22 salt + 31 hash chars (60 in all), canonical padding bits."""
    return f"${ver}${cost:02d}${bcrypt_b64(rb(16))}{bcrypt_b64(rb(23))}"


def phpass_encode64(data: bytes) -> str:
    out, i, count = [], 0, len(data)
    while True:
        value = data[i]; i += 1
        out.append(CRYPT64[value & 0x3F])
        if i < count:
            value |= data[i] << 8
        out.append(CRYPT64[(value >> 6) & 0x3F])
        if i >= count:
            break
        i += 1
        if i < count:
            value |= data[i] << 16
        out.append(CRYPT64[(value >> 12) & 0x3F])
        if i >= count:
            break
        i += 1
        out.append(CRYPT64[(value >> 18) & 0x3F])
        if i >= count:
            break
    return "".join(out)


def phpass() -> str:
    """WordPress portable hash: $P$ + 'B' (2^13 rounds) + 8 salt + 22 hash = 34 chars."""
    return "$P$B" + phpass_encode64(rb(6)) + phpass_encode64(rb(16))


def sha512_crypt() -> str:
    salt = "".join(R.choice(CRYPT64) for _ in range(16))
    body = "".join(R.choice(CRYPT64) for _ in range(85)) + R.choice("./01")  # 86 chars; the last holds 2 bits
    return f"$6${salt}${body}"


def argon2id(m=65536, t=3, p=4) -> str:
    return f"$argon2id$v=19$m={m},t={t},p={p}${b64nopad(16)}${b64nopad(32)}"


def django_pbkdf2(iterations=720000) -> str:
    return f"pbkdf2_sha256${iterations}${alnum(22)}${b64(32)}"


def aspnet_v2() -> str:
    return base64.b64encode(b"\x00" + rb(16) + rb(32)).decode()


def aspnet_v3(prf: int, iterations: int) -> str:
    return base64.b64encode(struct.pack(">BIII", 1, prf, iterations, 16) + rb(16) + rb(32)).decode()


def iso(y, mo, d, h=9, mi=0, s=0, ms=0) -> str:
    return f"{y:04d}-{mo:02d}-{d:02d}T{h:02d}:{mi:02d}:{s:02d}.{ms:03d}Z"


def iso_s(y, mo, d, h=9, mi=0, s=0) -> str:
    return f"{y:04d}-{mo:02d}-{d:02d}T{h:02d}:{mi:02d}:{s:02d}Z"


def epoch_ms(y, mo, d, h=9, mi=0, s=0, ms=0) -> int:
    return int(datetime(y, mo, d, h, mi, s, ms * 1000, tzinfo=timezone.utc).timestamp() * 1000)


def pg_ts(y, mo, d, h=9, mi=0, s=0, us=0) -> str:
    return f"{y:04d}-{mo:02d}-{d:02d} {h:02d}:{mi:02d}:{s:02d}.{us:06d}+00"


def write(path: Path, data, binary=False):
    path.parent.mkdir(parents=True, exist_ok=True)
    if binary:
        path.write_bytes(data)
    else:
        path.write_bytes(data.encode("utf-8"))


def dumps(obj, indent=2) -> str:
    return json.dumps(obj, indent=indent, ensure_ascii=False) + "\n"


def csv_text(rows, quoting=csv.QUOTE_MINIMAL, terminator="\n") -> str:
    buf = io.StringIO()
    w = csv.writer(buf, quoting=quoting, lineterminator=terminator)
    for row in rows:
        w.writerow(row)
    return buf.getvalue()


def gzip_bytes(data: bytes) -> bytes:
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", mtime=0, filename="") as g:
        g.write(data)
    return buf.getvalue()


# ---------------------------------------------------------------------------------------------------------------
# 1. generators
# ---------------------------------------------------------------------------------------------------------------

def gen_auth0():
    d = ROOT / "auth0"
    DB = "Username-Password-Authentication"
    users = []

    def db(oid, email, verified, name, given, family, created, last, logins, **extra):
        u = {"user_id": f"auth0|{oid}", "email": email, "email_verified": verified, "name": name,
             "given_name": given, "family_name": family, "nickname": email.split("@")[0].split(".")[0],
             "identities": [{"connection": DB, "provider": "auth0", "user_id": oid, "isSocial": False}],
             "created_at": created, "updated_at": last or created}
        if last:
            u["last_login"] = last
            u["last_ip"] = f"203.0.113.{R.randint(2, 250)}"
        u["logins_count"] = logins
        u.update(extra)
        return u

    oids = {k: hexs(24) for k in ["alice", "priya", "tomas", "ming", "lena", "quinn"]}
    users.append(db(oids["alice"], "alice.moreau@example.com", True, "Alice Moreau", "Alice", "Moreau",
                    iso(2022, 3, 14, 10, 2, 11, 120), iso(2026, 10, 28, 7, 45, 3, 991), 212,
                    multifactor=["google-authenticator"],
                    user_metadata={"locale": "fr-FR", "newsletter": True},
                    app_metadata={"plan": "enterprise", "roles": ["admin"]}))
    users.append(db(oids["priya"], "priya.nair@example.com", True, "Priya Nair", "Priya", "Nair",
                    iso(2022, 8, 2, 16, 30), iso(2025, 6, 2, 12, 1, 44), 48,
                    user_metadata={"locale": "en-GB"}, app_metadata={"plan": "pro"}))
    users.append({"user_id": "google-oauth2|104829301748291034567", "email": "Priya.Nair@example.com",
                  "email_verified": True, "name": "Priya Nair", "given_name": "Priya", "family_name": "Nair",
                  "picture": "https://lh3.googleusercontent.com/a/ACg8ocExample",
                  "identities": [{"connection": "google-oauth2", "provider": "google-oauth2",
                                  "user_id": "104829301748291034567", "isSocial": True}],
                  "created_at": iso(2023, 11, 5, 8, 12), "updated_at": iso(2024, 1, 19, 19, 3),
                  "last_login": iso(2024, 1, 19, 19, 3, 27, 5), "last_ip": "198.51.100.23", "logins_count": 5})
    users.append({"user_id": "samlp|acme-okta-saml|jonas.berg@example.org", "email": "jonas.berg@example.org",
                  "email_verified": True, "name": "Jonas Berg",
                  "identities": [{"connection": "acme-okta-saml", "provider": "samlp",
                                  "user_id": "acme-okta-saml|jonas.berg@example.org", "isSocial": False}],
                  "created_at": iso(2024, 2, 20, 9, 0), "updated_at": iso(2026, 11, 3, 14, 22),
                  "last_login": iso(2026, 11, 3, 14, 22, 9, 410), "last_ip": "203.0.113.77", "logins_count": 96,
                  "app_metadata": {"department": "finance"}})
    eid = hexs(24)
    users.append({"user_id": f"email|{eid}", "email": "noor.haddad@example.com", "email_verified": True,
                  "identities": [{"connection": "email", "provider": "email", "user_id": eid, "isSocial": False}],
                  "created_at": iso(2023, 4, 1, 11, 0), "updated_at": iso(2023, 8, 11, 17, 40),
                  "last_login": iso(2023, 8, 11, 17, 40, 2), "last_ip": "198.51.100.140", "logins_count": 9})
    sid = hexs(24)
    users.append({"user_id": f"sms|{sid}", "phone_number": "+15555550142", "phone_verified": True,
                  "identities": [{"connection": "sms", "provider": "sms", "user_id": sid, "isSocial": False}],
                  "created_at": iso(2022, 6, 9, 6, 30), "updated_at": iso(2022, 12, 1, 21, 5),
                  "last_login": iso(2022, 12, 1, 21, 5, 55), "last_ip": "203.0.113.9", "logins_count": 3})
    users.append(db(oids["tomas"], "tomas.ruiz@example.org", False, "Tomas Ruiz", "Tomas", "Ruiz",
                    iso(2025, 2, 10, 13, 13), None, 0, blocked=True))
    users.append(db(oids["ming"], "ming.zhao@example.com", True, "Ming Zhao", "Ming", "Zhao",
                    iso(2022, 1, 20, 8, 0), iso(2025, 11, 20, 10, 10, 10), 31, multifactor=["guardian"]))
    lena = db(oids["lena"], "lena.fischer@example.com", True, "Lena Fischer", "Lena", "Fischer",
              iso(2022, 9, 30, 9, 45), iso(2026, 9, 9, 6, 59, 1, 2), 140,
              user_metadata={"timezone": "Europe/Berlin"})
    lena["identities"].append({"connection": "google-oauth2", "provider": "google-oauth2",
                               "user_id": "117730021948573620011", "isSocial": True,
                               "profileData": {"email": "lena.fischer@example.com", "email_verified": True,
                                               "name": "Lena Fischer"}})
    users.append(lena)
    users.append(db(oids["quinn"], f"{MARKER}.quinn@example.com", False, f"Quinn {MARKER} Avery", "Quinn", "Avery",
                    iso(2022, 2, 2, 2, 2), iso(2022, 5, 17, 15, 0, 30), 2, phone_number=MARKER_PHONE,
                    multifactor=["google-authenticator"],
                    app_metadata={"legacy_totp_seed": MARKER_SECRET}))
    omar = db("legacy-000187", "omar.khalil@example.com", True, "Omar Khalil", "Omar", "Khalil",
              iso(2023, 1, 9, 12, 0), iso(2024, 7, 30, 18, 20, 0, 300), 17,
              user_metadata={"locale": "ar-EG"})
    users.append(omar)
    users.append({"user_id": "github|5839201", "email": "dev.kim@example.org", "email_verified": False,
                  "name": "Dev Kim", "nickname": "devkim",
                  "identities": [{"connection": "github", "provider": "github", "user_id": 5839201, "isSocial": True}],
                  "created_at": iso(2022, 11, 11, 11, 11), "updated_at": iso(2023, 3, 3, 3, 3),
                  "last_login": iso(2023, 3, 3, 3, 3, 3), "last_ip": "198.51.100.3", "logins_count": 12})

    ndjson = "".join(json.dumps(u, ensure_ascii=False, separators=(",", ":")) + "\n" for u in users)
    write(d / "users.ndjson", ndjson)
    write(d / "users.ndjson.gz", gzip_bytes(ndjson.encode()), binary=True)

    # CSV export job: the export_as names; identities[0] only; metadata only as named fields; blocked left empty
    # for users never blocked (Auth0 omits the attribute).
    header = ["user_id", "email", "email_verified", "name", "given_name", "family_name", "created_at", "last_login",
              "logins_count", "blocked", "connection", "provider", "user_metadata.locale", "app_metadata.plan"]
    rows = [header]
    for u in users:
        i0 = u["identities"][0]
        rows.append([u["user_id"], u.get("email", ""), str(u.get("email_verified", "")).lower() if "email_verified" in u else "",
                     u.get("name", ""), u.get("given_name", ""), u.get("family_name", ""), u["created_at"],
                     u.get("last_login", ""), u["logins_count"], "true" if u.get("blocked") else "",
                     i0["connection"], i0["provider"], u.get("user_metadata", {}).get("locale", ""),
                     u.get("app_metadata", {}).get("plan", "")])
    write(d / "users.csv", csv_text(rows))

    # Password-hash export (support): every database user, plus one who is no longer in the tenant export.
    hashes = []
    by_email = {u["email"]: u for u in users if u["user_id"].startswith("auth0|")}
    order = ["alice.moreau@example.com", "priya.nair@example.com", "tomas.ruiz@example.org", "ming.zhao@example.com",
             "lena.fischer@example.com", f"{MARKER}.quinn@example.com", "omar.khalil@example.com"]
    set_dates = {"alice.moreau@example.com": iso(2022, 3, 14, 10, 2, 11, 120), "priya.nair@example.com": iso(2024, 9, 1, 8, 0),
                 "tomas.ruiz@example.org": iso(2025, 2, 10, 13, 13), "ming.zhao@example.com": iso(2023, 5, 5, 5, 5),
                 "lena.fischer@example.com": iso(2022, 9, 30, 9, 45), f"{MARKER}.quinn@example.com": iso(2022, 2, 2, 2, 2),
                 "omar.khalil@example.com": iso(2023, 1, 9, 12, 0)}
    for email in order:
        u = by_email[email]
        local = u["user_id"].split("|", 1)[1]
        rec = {}
        if email == "omar.khalil@example.com":
            rec["_id"] = {"$oid": hexs(24)}
            rec["alt_id"] = local
        else:
            rec["_id"] = {"$oid": local}
        if email != "ming.zhao@example.com":  # root email may be absent; identifiers[] always has it
            rec["email"] = email
            rec["email_verified"] = u["email_verified"]
        rec["tenant"] = "acme-prod"
        rec["connection"] = DB
        rec["passwordHash"] = bcrypt(12 if email == "omar.khalil@example.com" else 10, "2b")
        rec["_tmp_is_unique"] = True
        rec["version"] = "1.1"
        rec["identifiers"] = [{"type": "email", "value": email, "verified": u["email_verified"]}]
        rec["password_set_date"] = {"$date": set_dates[email]}
        hashes.append(rec)
    hashes.append({"_id": {"$oid": hexs(24)}, "email": "former.employee@example.com", "email_verified": True,
                   "tenant": "acme-prod", "connection": DB, "passwordHash": bcrypt(10, "2b"), "_tmp_is_unique": True,
                   "version": "1.1", "identifiers": [{"type": "email", "value": "former.employee@example.com", "verified": True}],
                   "password_set_date": {"$date": iso(2022, 1, 15, 9, 0)}})
    write(d / "password-hashes.ndjson", "".join(json.dumps(h, separators=(",", ":")) + "\n" for h in hashes))


def gen_firebase():
    d = ROOT / "firebase"

    def lid():
        return alnum(28)

    def pw():
        return {"passwordHash": b64(64), "salt": b64(10)}

    U = []
    U.append({"localId": lid(), "email": "sam.lee@example.org", "emailVerified": True, **pw(), "displayName": "Sam Lee",
              "lastSignedInAt": str(epoch_ms(2026, 11, 2, 8, 1, 2)), "createdAt": str(epoch_ms(2022, 2, 1, 10)),
              "disabled": False, "customAttributes": '{"role":"admin","tier":"gold"}', "providerUserInfo": [],
              "mfaInfo": [{"mfaEnrollmentId": alnum(20), "displayName": "Work phone", "phoneInfo": "+15555550111",
                           "enrolledAt": "2024-05-06T10:11:12.000Z"}]})
    U.append({"localId": lid(), "email": "Sam.Lee@example.org", "emailVerified": True, "displayName": "Sam Lee",
              "photoUrl": "https://lh3.googleusercontent.com/a/example-sam",
              "lastSignedInAt": str(epoch_ms(2024, 3, 10, 19, 30)), "createdAt": str(epoch_ms(2023, 7, 7, 7)),
              "disabled": False,
              "providerUserInfo": [{"providerId": "google.com", "rawId": "109283746501928374650",
                                    "email": "Sam.Lee@example.org", "displayName": "Sam Lee",
                                    "photoUrl": "https://lh3.googleusercontent.com/a/example-sam"}]})
    U.append({"localId": lid(), "email": "aiko.tanaka@example.com", "emailVerified": False, **pw(),
              "displayName": "Aiko Tanaka", "createdAt": str(epoch_ms(2025, 9, 1, 0, 5)), "disabled": False,
              "providerUserInfo": []})
    U.append({"localId": lid(), "email": "rafael.souza@example.com", "emailVerified": True, **pw(),
              "displayName": "Rafael Souza", "lastSignedInAt": str(epoch_ms(2025, 12, 24, 22, 0)),
              "createdAt": str(epoch_ms(2022, 4, 4, 4)), "disabled": False, "customAttributes": '{"tier":"silver"}',
              "providerUserInfo": [{"providerId": "google.com", "rawId": "100200300400500600700",
                                    "email": "rafael.souza@example.com", "displayName": "Rafael Souza"}],
              "mfaInfo": [{"mfaEnrollmentId": alnum(20), "displayName": "Authenticator", "totpInfo": {},
                           "enrolledAt": "2025-01-02T03:04:05.000Z"}]})
    U.append({"localId": lid(), "email": "chloe.martin@example.org", "emailVerified": True, "displayName": "Chloé Martin",
              "lastSignedInAt": str(epoch_ms(2023, 6, 30, 12)), "createdAt": str(epoch_ms(2022, 10, 10, 10)),
              "disabled": False,
              "providerUserInfo": [{"providerId": "facebook.com", "rawId": "10158000000000001",
                                    "email": "chloe.martin@example.org", "displayName": "Chloé Martin"}]})
    U.append({"localId": lid(), "email": "devon.okafor@example.com", "emailVerified": False, "displayName": "Devon Okafor",
              "lastSignedInAt": str(epoch_ms(2026, 4, 18, 6, 6)), "createdAt": str(epoch_ms(2024, 8, 8, 8)),
              "disabled": False,
              "providerUserInfo": [{"providerId": "github.com", "rawId": "48213377", "displayName": "devon-okafor"}]})
    U.append({"localId": lid(), "phoneNumber": "+15555550177", "lastSignedInAt": str(epoch_ms(2022, 9, 15, 15)),
              "createdAt": str(epoch_ms(2022, 9, 1, 12)), "disabled": False, "providerUserInfo": []})
    U.append({"localId": lid(), "email": "maria.rossi@example.com", "emailVerified": True, **pw(),
              "displayName": "Rossi, Maria", "lastSignedInAt": str(epoch_ms(2022, 11, 11, 11)),
              "createdAt": str(epoch_ms(2022, 1, 3, 9)), "disabled": True, "providerUserInfo": []})
    U.append({"localId": lid(), "email": "hidden.relay.8841@example.org", "emailVerified": True,
              "lastSignedInAt": str(epoch_ms(2025, 2, 14, 14)), "createdAt": str(epoch_ms(2024, 12, 24, 9)),
              "disabled": False, "providerUserInfo": []})
    U.append({"localId": lid(), "displayName": "Kai Nakamura", "lastSignedInAt": str(epoch_ms(2023, 1, 5, 5)),
              "createdAt": str(epoch_ms(2022, 12, 30, 1)), "disabled": False, "customAttributes": '{"beta":true}',
              "providerUserInfo": [{"providerId": "twitter.com", "rawId": "1587000000000000000",
                                    "displayName": "Kai Nakamura"}]})
    U.append({"localId": lid(), "email": "legacy.import@example.com", "emailVerified": True,
              "displayName": "Legacy Import", "lastSignedInAt": str(epoch_ms(2024, 10, 10, 10)),
              "createdAt": str(epoch_ms(2023, 3, 3, 3)), "disabled": False, "providerUserInfo": []})

    # The CLI writes '{"users": [' EOL, then users joined by ",\n", then ']}'.
    body = ",\n".join(json.dumps(u, indent=2, ensure_ascii=False) for u in U)
    write(d / "users.json", '{"users": [\n' + body + "]}\n")

    idx = {"google.com": 7, "facebook.com": 11, "twitter.com": 15, "github.com": 19}

    def esc(s):
        return f'"{s}"' if "," in s else s

    lines = []
    for u in U:
        arr = [""] * 28
        arr[0] = u["localId"]
        arr[1] = u.get("email", "")
        arr[2] = "true" if u.get("emailVerified") else "false"
        arr[3] = u.get("passwordHash", "")
        arr[4] = u.get("salt", "")
        arr[5] = esc(u.get("displayName", ""))
        arr[6] = u.get("photoUrl", "")
        for p in u.get("providerUserInfo", []):
            i = idx[p["providerId"]]
            arr[i] = p["rawId"]; arr[i + 1] = p.get("email", ""); arr[i + 2] = esc(p.get("displayName", ""))
            arr[i + 3] = p.get("photoUrl", "")
        arr[23] = u.get("createdAt", "")
        arr[24] = u.get("lastSignedInAt", "")
        arr[25] = u.get("phoneNumber", "")
        arr[26] = "true" if u.get("disabled") else "false"
        arr[27] = '"' + u["customAttributes"].replace('"', '""') + '"' if u.get("customAttributes") else ""
        lines.append(",".join(arr) + ",\n")
    write(d / "users.csv", "".join(lines))

    write(d / "hash-config.txt", "hash_config {\n  algorithm: SCRYPT,\n  base64_signer_key: " + b64(64)
          + ",\n  base64_salt_separator: Bw==,\n  rounds: 8,\n  mem_cost: 14,\n}\n")


def gen_cognito():
    d = ROOT / "cognito"

    def cli_ts(y, mo, dd, h=9, mi=0, s=0, us=0):
        return f"{y:04d}-{mo:02d}-{dd:02d}T{h:02d}:{mi:02d}:{s:02d}.{us:06d}+00:00"

    def user(username, attrs, status, enabled=True, created=(2023, 1, 1), modified=None, mfa=None):
        u = {"Username": username, "Attributes": [{"Name": k, "Value": v} for k, v in attrs],
             "UserCreateDate": cli_ts(*created), "UserLastModifiedDate": cli_ts(*(modified or created)),
             "Enabled": enabled, "UserStatus": status}
        if mfa:
            u["MFAOptions"] = mfa
        return u

    def native(email, verified, given, family, extra=(), **kw):
        sub = uid()
        return user(sub, [("sub", sub), ("email_verified", verified), ("given_name", given), ("family_name", family),
                          ("email", email), *extra], **kw)

    page1 = [
        native("ethan.walsh@example.com", "true", "Ethan", "Walsh", [("custom:department", "Engineering")],
               status="CONFIRMED", created=(2022, 5, 10, 13, 48, 51, 396000), modified=(2025, 3, 2)),
        user("Google_109876543210987654321",
             [("sub", uid()), ("identities", json.dumps([{"userId": "109876543210987654321", "providerName": "Google",
                                                           "providerType": "Google", "issuer": None, "primary": True,
                                                           "dateCreated": 1683000000000}], separators=(",", ":"))),
              ("email_verified", "false"), ("name", "Hannah Becker"), ("email", "Hannah.Becker@example.com")],
             "EXTERNAL_PROVIDER", created=(2023, 5, 2, 4, 0, 0, 120000)),
        native("hannah.becker@example.com", "true", "Hannah", "Becker",
               [("phone_number_verified", "true"), ("phone_number", "+15555550123")],
               status="CONFIRMED", created=(2022, 11, 20, 8), modified=(2024, 6, 6),
               mfa=[{"DeliveryMedium": "SMS", "AttributeName": "phone_number"}]),
        native("felix.braun@example.org", "false", "Felix", "Braun", status="UNCONFIRMED", created=(2026, 10, 30, 23, 59)),
        native("grace.ho@example.com", "true", "Grace", "Ho", [("custom:department", "Sales")],
               status="FORCE_CHANGE_PASSWORD", created=(2025, 7, 1)),
        native("ivan.petrov@example.org", "true", "Ivan", "Petrov", [("custom:cost_center", "CC-1001")],
               status="CONFIRMED", enabled=False, created=(2022, 2, 14), modified=(2026, 1, 15)),
    ]
    page2 = [
        user("AcmeAzureAD_olivia.grant@example.org",
             [("sub", uid()), ("identities", json.dumps([{"userId": "olivia.grant@example.org", "providerName": "AcmeAzureAD",
                                                           "providerType": "SAML", "issuer": "https://sts.windows.net/"
                                                           + uid() + "/", "primary": True,
                                                           "dateCreated": 1700000000000}], separators=(",", ":"))),
              ("email_verified", "false"), ("email", "olivia.grant@example.org"), ("custom:department", "Finance")],
             "EXTERNAL_PROVIDER", created=(2023, 11, 14, 22, 13, 20)),
        native("jack.oneill@example.com", "true", "Jack", "O'Neill", status="RESET_REQUIRED", created=(2022, 8, 8)),
        user("Facebook_10224466880011223",
             [("sub", uid()), ("identities", json.dumps([{"userId": "10224466880011223", "providerName": "Facebook",
                                                           "providerType": "Facebook", "issuer": None, "primary": True,
                                                           "dateCreated": 1650000000000}], separators=(",", ":"))),
              ("email_verified", "false"), ("email", "liam.dubois@example.com")],
             "EXTERNAL_PROVIDER", created=(2022, 4, 15)),
        native("mia.costa@example.com", "true", "Mia", "Costa", [("custom:department", "Engineering")],
               status="CONFIRMED", created=(2024, 9, 9)),
        native("noah.ali@example.org", "true", "Noah", "Ali", status="CONFIRMED", created=(2026, 2, 2)),
    ]
    token = base64.b64encode(json.dumps({"nextKey": "AQICAH" + b64(96), "paginationDepth": 1}).encode()).decode()
    write(d / "list-users-page1.json", dumps({"Users": page1, "PaginationToken": token}, indent=4))
    write(d / "list-users-page2.json", dumps({"Users": page2}, indent=4))

    header = ["name", "given_name", "family_name", "middle_name", "nickname", "preferred_username", "profile", "picture",
              "website", "email", "email_verified", "gender", "birthdate", "zoneinfo", "locale", "phone_number",
              "phone_number_verified", "address", "updated_at", "custom:department", "cognito:mfa_enabled",
              "cognito:username"]

    def row(name, given, family, email, verified, phone="", phone_verified="", dept="", mfa="FALSE", username=None):
        vals = {"name": name, "given_name": given, "family_name": family, "email": email, "email_verified": verified,
                "phone_number": phone, "phone_number_verified": phone_verified, "custom:department": dept,
                "cognito:mfa_enabled": mfa, "cognito:username": email if username is None else username,
                "locale": "en-US", "updated_at": "1735689600"}
        return [vals.get(h, "") for h in header]

    rows = [header,
            row("Olga Ivanova", "Olga", "Ivanova", "olga.ivanova@example.com", "TRUE", dept="Support"),
            row("Pedro Alves", "Pedro", "Alves", "pedro.alves@example.org", "FALSE"),
            row("Quentin Roy", "Quentin", "Roy", "quentin.roy@example.com", "TRUE", "+15555550161", "TRUE", "Engineering", "TRUE"),
            row("Rosa Lind", "Rosa", "Lind", "Rosa.Lind@example.com", "TRUE", dept="Sales"),
            row("Rosa Lind", "Rosa", "Lind", "rosa.lind@example.com", "FALSE", dept="Sales"),
            row("Sven Holm", "Sven", "Holm", "sven.holm@example.org", "TRUE", username=""),
            row("Tara Singh", "Tara", "Singh", "tara.singh@example.com", "TRUE", "+15555550162", "TRUE", "", "TRUE"),
            row("Uma Das", "Uma", "Das", "uma.das@example.org", "FALSE", dept="Engineering")]
    write(d / "import.csv", csv_text(rows))


def kc_dumps(obj) -> str:
    """Keycloak (Jackson) pretty printing: two-space indent and ' : ' between a name and its value."""
    return json.dumps(obj, indent=2, separators=(",", " : "), ensure_ascii=False) + "\n"


def kc_json(obj) -> str:
    return json.dumps(obj, separators=(",", ":"))


def kc_password(alg="pbkdf2-sha256", iterations=27500, value_bytes=64, created=(2023, 1, 1)):
    return {"id": uid(), "type": "password", "userLabel": "My password", "createdDate": epoch_ms(*created),
            "secretData": kc_json({"value": b64(value_bytes), "salt": b64(16), "additionalParameters": {}}),
            "credentialData": kc_json({"hashIterations": iterations, "algorithm": alg, "additionalParameters": {}})}


def kc_argon2(created=(2025, 1, 1)):
    return {"id": uid(), "type": "password", "createdDate": epoch_ms(*created),
            "secretData": kc_json({"value": b64(32), "salt": b64(16), "additionalParameters": {}}),
            "credentialData": kc_json({"hashIterations": 5, "algorithm": "argon2", "additionalParameters": {
                "hashLength": ["32"], "memory": ["7168"], "type": ["id"], "version": ["1.3"], "parallelism": ["1"]}})}


def kc_otp(created=(2024, 1, 1)):
    return {"id": uid(), "type": "otp", "userLabel": "Phone", "createdDate": epoch_ms(*created),
            "secretData": kc_json({"value": alnum(20)}),
            "credentialData": kc_json({"subType": "totp", "digits": 6, "counter": 0, "period": 30, "algorithm": "HmacSHA1"})}


def kc_webauthn(kind="webauthn", label="YubiKey 5", created=(2025, 5, 5)):
    return {"id": uid(), "type": kind, "userLabel": label, "createdDate": epoch_ms(*created), "secretData": "{}",
            "credentialData": kc_json({"aaguid": "cb69481e-8ff7-4039-93ec-0a2729a154a8",
                                       "credentialId": b64url(32).rstrip("="), "counter": 12,
                                       "attestationStatement": "v2N2ZXJoRklETy0yLjA", "credentialPublicKey": b64(77),
                                       "attestationStatementFormat": "none", "transports": ["usb"]})}


def kc_user(username, email, first, last, *, created, enabled=True, verified=True, creds=(), fed=(), groups=(),
            roles=("default-roles-acme",), attrs=None, required=(), federation_link=None, sa_client=None):
    u = {"id": uid(), "createdTimestamp": epoch_ms(*created), "username": username, "enabled": enabled,
         "totp": any(c["type"] == "otp" for c in creds), "emailVerified": verified}
    if first:
        u["firstName"] = first
    if last:
        u["lastName"] = last
    if email:
        u["email"] = email
    if attrs:
        u["attributes"] = attrs
    if federation_link:
        u["federationLink"] = federation_link
    if sa_client:
        u["serviceAccountClientLink"] = sa_client
    u["credentials"] = list(creds)
    u["disableableCredentialTypes"] = []
    u["requiredActions"] = list(required)
    if fed:
        u["federatedIdentities"] = [{"identityProvider": p, "userId": i, "userName": n} for p, i, n in fed]
    u["realmRoles"] = list(roles)
    if sa_client:
        u["clientRoles"] = {"realm-management": ["view-users", "query-users"]}
    u["notBefore"] = 0
    u["groups"] = list(groups)
    return u


def kc_realm(name, with_users=None, idps=("google", "acme-azure-ad")):
    realm = {"id": uid(), "realm": name, "displayName": name.capitalize(), "notBefore": 0, "enabled": True,
             "sslRequired": "external", "registrationAllowed": True, "registrationEmailAsUsername": False,
             "rememberMe": True, "verifyEmail": True, "loginWithEmailAllowed": False, "duplicateEmailsAllowed": True,
             "resetPasswordAllowed": True, "bruteForceProtected": True,
             "passwordPolicy": "length(12) and notUsername(undefined)",
             "otpPolicyType": "totp", "otpPolicyAlgorithm": "HmacSHA1", "otpPolicyDigits": 6, "otpPolicyPeriod": 30,
             "roles": {"realm": [{"id": uid(), "name": f"default-roles-{name}", "composite": True, "clientRole": False},
                                 {"id": uid(), "name": "admin", "composite": False, "clientRole": False}],
                       "client": {"portal-backend": []}},
             "groups": [{"id": uid(), "name": "staff", "path": "/staff", "subGroups": [
                 {"id": uid(), "name": "engineering", "path": "/staff/engineering", "subGroups": []},
                 {"id": uid(), "name": "support", "path": "/staff/support", "subGroups": []}]},
                 {"id": uid(), "name": "customers", "path": "/customers", "subGroups": []}],
             "defaultRole": {"id": uid(), "name": f"default-roles-{name}", "composite": True, "clientRole": False}}
    if with_users is not None:
        realm["users"] = with_users
    realm["clients"] = [{"id": uid(), "clientId": "portal-backend", "enabled": True, "clientAuthenticatorType": "client-secret",
                         "serviceAccountsEnabled": True, "publicClient": False, "protocol": "openid-connect"},
                        {"id": uid(), "clientId": "portal-web", "enabled": True, "publicClient": True,
                         "redirectUris": ["https://portal.example.com/*"], "protocol": "openid-connect"}]
    realm["identityProviders"] = [{"alias": a, "providerId": "google" if a == "google" else "oidc", "enabled": True,
                                   "trustEmail": a == "google", "config": {}} for a in idps]
    realm["components"] = {"org.keycloak.storage.UserStorageProvider": [
        {"id": "ldap-corp-id", "name": "ldap-corp", "providerId": "ldap", "subComponents": {},
         "config": {"vendor": ["other"], "editMode": ["READ_ONLY"], "connectionUrl": ["ldaps://ldap.example.com"]}}]}
    realm["keycloakVersion"] = "26.0.7"
    return realm


def gen_keycloak():
    d = ROOT / "keycloak"
    users = [
        kc_user("alice", "alice.wong@example.com", "Alice", "Wong", created=(2022, 3, 1),
                creds=[kc_password(created=(2022, 3, 1)), kc_otp((2023, 2, 2))],
                groups=["/staff/engineering"], roles=["default-roles-acme", "admin"],
                attrs={"department": ["Engineering"], "locale": ["en"]}),
        kc_user("bnguyen", "Bob.Nguyen@example.com", "Bob", "Nguyen", created=(2024, 6, 1),
                creds=[kc_argon2((2024, 6, 1))], groups=["/customers"], attrs={"crm_id": ["C-20931"]}),
        kc_user("bob.nguyen.google", "bob.nguyen@example.com", "Bob", "Nguyen", created=(2025, 1, 20),
                fed=[("google", "110022003300440055006", "bob.nguyen@example.com")], groups=["/customers"]),
        kc_user("carla", "carla.mendes@example.org", "Carla", "Mendes", created=(2022, 10, 10), enabled=False,
                verified=False, creds=[kc_password(created=(2022, 10, 10))], groups=["/staff/support"]),
        kc_user("dmitri", "dmitri.volkov@example.com", "Dmitri", "Volkov", created=(2025, 3, 3),
                creds=[kc_argon2((2025, 3, 3)), kc_webauthn()], groups=["/staff/engineering"],
                attrs={"department": ["Engineering"], "phone_ext": ["4411"]}),
        kc_user("esme", "esme.laurent@example.org", "Esme", "Laurent", created=(2025, 8, 8),
                creds=[kc_webauthn("webauthn-passwordless", "Passkey on iPhone", (2025, 8, 8))], groups=["/customers"]),
        kc_user("farah", "farah.aziz@example.com", "Farah", "Aziz", created=(2023, 9, 9),
                creds=[kc_password(value_bytes=32, created=(2023, 9, 9))],
                fed=[("acme-azure-ad", uid(), "farah.aziz@example.com")], groups=["/staff/support"]),
        kc_user("gus", "gus.petersen@example.org", "Gus", "Petersen", created=(2026, 11, 1), verified=False,
                required=["VERIFY_EMAIL", "CONFIGURE_TOTP", "UPDATE_PASSWORD"]),
        kc_user("hiro", "hiro.sato@example.com", "Hiro", "Sato", created=(2022, 1, 15),
                creds=[kc_password(created=(2022, 1, 15)), kc_otp((2022, 2, 1))], groups=["/customers"],
                attrs={"crm_id": ["C-10007"]}),
        kc_user("ines.ldap", "ines.garcia@example.com", "Ines", "Garcia", created=(2023, 4, 4),
                federation_link="ldap-corp-id", attrs={"LDAP_ID": [uid()], "LDAP_ENTRY_DN": ["uid=ines,ou=people,dc=example,dc=com"]}),
        kc_user("service-account-portal-backend", None, None, None, created=(2022, 1, 1), verified=False,
                sa_client="portal-backend"),
    ]
    write(d / "realm-export.json", kc_dumps(kc_realm("acme", users)))

    # split: kc.sh export --dir with --users different_files --users-per-file 3
    split_users = [
        kc_user("jane", "jane.doe@example.com", "Jane", "Doe", created=(2022, 5, 5),
                creds=[kc_password("pbkdf2", 20000, 64, (2022, 5, 5))], roles=["default-roles-myrealm"],
                groups=["/staff/support"], attrs={"employee_id": ["E-0042"]}),
        kc_user("kofi", "kofi.mensah@example.org", "Kofi", "Mensah", created=(2024, 2, 2),
                creds=[kc_password("pbkdf2-sha512", 210000, 64, (2024, 2, 2)), kc_otp((2024, 3, 3))],
                roles=["default-roles-myrealm"], groups=["/staff/engineering"]),
        kc_user("leah", "Jane.Doe@example.com", "Leah", "Doe", created=(2025, 5, 5), verified=False,
                creds=[kc_argon2((2025, 5, 5))], roles=["default-roles-myrealm"], groups=["/customers"]),
        kc_user("marco", "marco.bianchi@example.com", "Marco", "Bianchi", created=(2023, 7, 7),
                fed=[("google", "118899776655443322110", "marco.bianchi@example.com")],
                roles=["default-roles-myrealm"], groups=["/customers"]),
        kc_user("nadia", "nadia.karim@example.org", "Nadia", "Karim", created=(2026, 6, 6), enabled=False,
                creds=[kc_password(created=(2026, 6, 6))], roles=["default-roles-myrealm"], attrs={"employee_id": ["E-0107"]}),
        kc_user("service-account-portal-backend", None, None, None, created=(2022, 1, 1), verified=False,
                sa_client="portal-backend", roles=["default-roles-myrealm"]),
    ]
    write(d / "split" / "myrealm-realm.json", kc_dumps(kc_realm("myrealm", None)))
    write(d / "split" / "myrealm-users-0.json", kc_dumps({"realm": "myrealm", "users": split_users[:3]}))
    write(d / "split" / "myrealm-users-1.json", kc_dumps({"realm": "myrealm", "users": split_users[3:]}))
    write(d / "realm-no-users.json", kc_dumps(kc_realm("partner", None, idps=("google",))))


def gen_entra():
    d = ROOT / "entra"
    tenant = "examplecorpb2c.onmicrosoft.com"
    app = "6f1a2b3c4d5e4f60a1b2c3d4e5f60718"
    loyalty, tier = f"extension_{app}_loyaltyNumber", f"extension_{app}_tier"
    sel = ["id", "displayName", "givenName", "surname", "mail", "otherMails", "userPrincipalName", "identities",
           "accountEnabled", "createdDateTime", "creationType", "signInActivity", loyalty, tier]
    context = "https://graph.microsoft.com/v1.0/$metadata#users(" + ",".join(sel) + ")"

    def activity(last_success, last_interactive=None):
        if last_success is None and last_interactive is None:
            return None
        rid = uid()
        return {"lastSignInDateTime": last_interactive or last_success, "lastSignInRequestId": rid,
                "lastNonInteractiveSignInDateTime": last_success or "0001-01-01T00:00:00Z",
                "lastNonInteractiveSignInRequestId": uid() if last_success else None,
                "lastSuccessfulSignInDateTime": last_success, "lastSuccessfulSignInRequestId": rid if last_success else None}

    def user(display, given, sur, *, mail=None, other=(), ids=(), enabled=True, created, creation="LocalAccount",
             act=None, ext=None):
        oid = uid()
        u = {"id": oid, "displayName": display, "givenName": given, "surname": sur, "mail": mail,
             "otherMails": list(other), "userPrincipalName": f"{oid}@{tenant}", "accountEnabled": enabled,
             "createdDateTime": created, "creationType": creation,
             "identities": [{"signInType": t, "issuer": iss, "issuerAssignedId": v} for t, iss, v in ids]
             + [{"signInType": "userPrincipalName", "issuer": tenant, "issuerAssignedId": f"{oid}@{tenant}"}],
             "signInActivity": act}
        for k, v in (ext or {}).items():
            u[k] = v
        return u

    users = [
        user("Noah Schmidt", "Noah", "Schmidt", ids=[("emailAddress", tenant, "Noah.Schmidt@example.com")],
             created="2022-04-12T10:00:00Z", act=activity("2026-10-01T08:15:42Z"), ext={loyalty: "LN-100200", tier: "gold"}),
        user("Olivia Brown", "Olivia", "Brown", ids=[("userName", tenant, "obrown"), ("emailAddress", tenant, "olivia.brown@example.org")],
             created="2023-02-01T12:30:00Z", act=activity("2025-05-20T18:00:01Z"), ext={tier: "silver"}),
        user("Noah Schmidt", "Noah", "Schmidt", other=["noah.schmidt@example.com"], creation=None,
             ids=[("federated", "google.com", "108877665544332211009")],
             created="2024-09-09T09:09:09Z", act=activity("2024-12-31T23:59:59Z")),
        user("Pablo Ortiz", "Pablo", "Ortiz", other=["pablo.ortiz@example.com"], creation=None,
             ids=[("federated", "facebook.com", "10203040506070809")],
             created="2022-07-07T07:07:07Z", act=activity("2023-03-15T10:10:10Z")),
        user("Quinn Harper", "Quinn", "Harper", ids=[("emailAddress", tenant, "quinn.harper@example.com")],
             enabled=False, created="2022-01-31T00:00:00Z", act=activity("2022-06-01T12:00:00Z"), ext={loyalty: "LN-000017"}),
        user("Ruth Adler", "Ruth", "Adler", ids=[("emailAddress", tenant, "ruth.adler@example.org")],
             created="2026-11-20T16:45:00Z", act=None),
        user("Sipho Dlamini", "Sipho", "Dlamini", ids=[("emailAddress", tenant, "sipho.dlamini@example.com")],
             created="2025-10-10T10:10:10Z", act=activity(None, "2026-01-12T07:00:00Z")),
        user("Directory Admin", "Directory", "Admin", mail="it.admin@example.com", creation=None, ids=[],
             created="2022-01-05T08:00:00Z", act=activity("2026-11-25T09:30:00Z")),
        user("Tess Moreau", "Tess", "Moreau", ids=[("emailAddress", tenant, "tess.moreau@example.com"),
                                                   ("federated", "google.com", "101010101010101010101")],
             created="2023-08-18T14:00:00Z", act=activity("2026-07-04T11:11:11Z"), ext={loyalty: "LN-300400", tier: "bronze"}),
    ]
    write(d / "users.json", dumps({"@odata.context": context, "value": users}))
    sel_q = ",".join(sel)
    page1 = {"@odata.context": context, "value": [
        user("Uri Levi", "Uri", "Levi", ids=[("emailAddress", tenant, "uri.levi@example.com")],
             created="2022-03-03T03:03:03Z", act=activity("2026-09-30T20:00:00Z"), ext={tier: "gold"}),
        user("Vera Novak", "Vera", "Novak", other=["vera.novak@example.org"], creation=None,
             ids=[("federated", "google.com", "109999888877776666555")],
             created="2024-04-04T04:04:04Z", act=activity("2025-01-01T01:01:01Z")),
        user("Uri Levi", "Uri", "Levi", ids=[("emailAddress", tenant, "URI.LEVI@example.com")], enabled=False,
             created="2025-05-05T05:05:05Z", act=None),
        user("Wen Li", "Wen", "Li", ids=[("emailAddress", tenant, "wen.li@example.com")],
             created="2023-06-06T06:06:06Z", act=activity("2023-12-01T00:00:01Z")),
    ], "@odata.nextLink": f"https://graph.microsoft.com/v1.0/users?$select={sel_q}&$top=4&$skiptoken=RFNwdAIAAQAAACI6dXNlcl8"
                         + alnum(40)}
    write(d / "users-page1.json", dumps(page1))


def gen_okta():
    d = ROOT / "okta"

    def oid():
        return "00u" + alnum(17)

    def user(status, first, last, email, *, created, last_login, password=True, provider=("OKTA", "OKTA"), extra=None,
             activated=True, pw_changed=None):
        p = {"firstName": first, "lastName": last, "mobilePhone": None, "secondEmail": None, "login": email, "email": email}
        p.update(extra or {})
        creds = {}
        if password:
            creds["password"] = {}
            creds["recovery_question"] = {"question": "What is the food you least liked as a child?"}
        creds["provider"] = {"type": provider[0], "name": provider[1]}
        u = {"id": oid(), "status": status, "created": created, "activated": created if activated else None,
             "statusChanged": created if status == "ACTIVE" else last_login or created, "lastLogin": last_login,
             "lastUpdated": last_login or created, "passwordChanged": (pw_changed or created) if password else None,
             "type": {"id": "oty1a2b3c4d5e6f7g8h9"}, "profile": p, "credentials": creds,
             "_links": {"self": {"href": "https://example.okta.com/api/v1/users/" + "x"}}}
        u["_links"]["self"]["href"] = "https://example.okta.com/api/v1/users/" + u["id"]
        return u

    users = [
        user("ACTIVE", "Yara", "Haddad", "yara.haddad@example.com", created="2022-02-02T10:00:00.000Z",
             last_login="2026-11-10T08:41:07.000Z", extra={"employeeNumber": "1001", "loyaltyTier": "gold", "crmId": "CRM-77"}),
        user("ACTIVE", "Zane", "Cole", "zane.cole@example.org", created="2024-03-03T03:00:00.000Z",
             last_login="2024-08-19T12:00:00.000Z", password=False, provider=("SOCIAL", "SOCIAL")),
        user("SUSPENDED", "Amir", "Rahimi", "amir.rahimi@example.com", created="2022-06-06T06:00:00.000Z",
             last_login="2023-01-20T09:00:00.000Z", extra={"crmId": "CRM-12"}),
        user("LOCKED_OUT", "Bea", "Santos", "bea.santos@example.org", created="2023-03-13T13:00:00.000Z",
             last_login="2026-10-31T23:00:00.000Z"),
        user("DEPROVISIONED", "Cyrus", "Webb", "cyrus.webb@example.com", created="2022-01-10T10:00:00.000Z",
             last_login="2022-09-09T09:09:09.000Z", extra={"department": "Legal"}),
        user("STAGED", "Dana", "Kruger", "dana.kruger@example.com", created="2026-11-28T08:00:00.000Z",
             last_login=None, password=False, activated=False),
        user("ACTIVE", "Eli", "Brooks", "eli.brooks@example.org", created="2023-10-01T00:00:00.000Z",
             last_login="2025-04-04T04:04:04.000Z", password=False, provider=("FEDERATION", "FEDERATION"),
             extra={"loyaltyTier": "silver"}),
        user("PASSWORD_EXPIRED", "Fatima", "Zahra", "fatima.zahra@example.com", created="2022-12-12T12:00:00.000Z",
             last_login="2024-12-12T12:00:00.000Z"),
        user("ACTIVE", "Yara", "Haddad", "Yara.Haddad@example.com", created="2025-01-01T00:00:00.000Z",
             last_login="2025-06-30T18:00:00.000Z"),
        user("PROVISIONED", "Gil", "Amsel", "gil.amsel@example.org", created="2026-11-15T15:00:00.000Z",
             last_login=None, password=False, activated=False),
    ]
    write(d / "users.json", dumps(users))


CLERK_CURRENT = ["id", "first_name", "last_name", "username", "primary_email_address", "primary_phone_number",
                 "verified_email_addresses", "unverified_email_addresses", "verified_phone_numbers",
                 "unverified_phone_numbers", "totp_secret", "password_digest", "password_hasher"]
CLERK_2024 = ["id", "first_name", "last_name", "username", "email_addresses", "phone_numbers", "totp_secret",
              "password_digest", "password_hasher", "unsafe_metadata", "public_metadata", "private_metadata"]


def clerk_id():
    return "user_" + alnum(27)


def gen_clerk():
    d = ROOT / "clerk"

    def cur(first, last, username, email, phone="", v_emails=None, u_emails=None, v_phones=None, u_phones=None,
            totp="", digest="", hasher=""):
        v_emails = [email] if v_emails is None and email else (v_emails or [])
        return [clerk_id(), first, last, username, email, phone, ",".join(v_emails), ",".join(u_emails or []),
                ",".join(v_phones or []), ",".join(u_phones or []), totp, digest, hasher]

    rows = [CLERK_CURRENT,
            cur("Anna", "Lindqvist", "", "anna.lindqvist@example.com", totp=base32(32), digest=bcrypt(10, "2a"), hasher="bcrypt"),
            cur("Quinn", MARKER, "", f"{MARKER}.kowalski@example.com", phone=MARKER_PHONE, v_phones=[MARKER_PHONE],
                totp=MARKER_SECRET, digest=bcrypt(10, "2a"), hasher="bcrypt"),
            cur("Ben", "Carter", "bcarter", "ben.carter@example.org", digest="", hasher="bcrypt"),
            cur("Cleo", "Duarte", "", "cleo.duarte@example.com"),
            cur("Ben", "Carter", "", "Ben.Carter@example.org", digest=bcrypt(10, "2a"), hasher="bcrypt"),
            cur("Dara", "Quinlan", "dquinlan", "dara.quinlan@example.com",
                v_emails=["dara.quinlan@example.com", "dara@example.org"], digest=bcrypt(10, "2a"), hasher="bcrypt"),
            cur("Emil", "Sorensen", "", "emil.sorensen@example.org", v_emails=[], u_emails=["emil.sorensen@example.org"],
                digest=bcrypt(10, "2a"), hasher="bcrypt"),
            cur("Fumiko", "Ito", "", "", phone="+15555550191", v_phones=["+15555550191"]),
            cur("Gael", "Moreno", "", "gael.moreno@example.com", totp=base32(32), digest=bcrypt(11, "2a"), hasher="bcrypt"),
            cur("", "", "hikari", "", digest=bcrypt(10, "2a"), hasher="bcrypt")]
    write(d / "users-current.csv", csv_text(rows))

    def old(first, last, username, email, phone="", totp="", digest="", hasher="", unsafe="{}", public="{}", private="{}", id_=None):
        return [clerk_id() if id_ is None else id_, first, last, username, email, phone, totp, digest, hasher,
                unsafe, public, private]

    rows = [CLERK_2024,
            old("Ivy", "Chen", "", "ivy.chen@example.com", digest=bcrypt(10, "2a"), hasher="bcrypt",
                public='{"plan": "pro"}', private='{"stripe_customer": "cus_Example123"}'),
            old("Jon", "Berg", "", "jon.berg@example.org", hasher="bcrypt"),
            old("Kira", "Volk", "", "kira.volk@example.com", totp=base32(32), digest=bcrypt(10, "2a"), hasher="bcrypt",
                unsafe='{"onboarding": {"step": "final"}}'),
            old("Ivy", "Chen", "", "IVY.CHEN@example.com", public='{"plan": "free"}'),
            old("Lars", "Eide", "", "lars.eide@example.org", digest=bcrypt(10, "2a"), hasher="bcrypt", id_=""),
            old("Mona", "Said", "", "mona.said@example.com", phone="+15555550192"),
            old("Nils", "Ek", "nils", "nils.ek@example.com", digest=bcrypt(12, "2a"), hasher="bcrypt",
                public='{"plan": "team", "seats": 5}'),
            old("Omi", "Tal", "", "omi.tal@example.org", unsafe="{}", public="", private="{}")]
    write(d / "users-2024.csv", csv_text(rows))

    def js(first, last, email, emails=None, phone=None, digest=None, hasher=None, totp=None, mfa=False, backup=None,
           unsafe=None, public=None, private=None, image=False):
        return {"id": clerk_id(), "first_name": first, "last_name": last, "username": None,
                "primary_email_address": email, "email_addresses": emails if emails is not None else ([email] if email else []),
                "primary_phone_number": phone, "phone_numbers": [phone] if phone else None,
                "password_digest": digest, "password_hasher": hasher,
                "unsafe_metadata": unsafe or {}, "public_metadata": public or {}, "private_metadata": private or {},
                "has_image": image, "image_url": "https://img.clerk.com/example" if image else "",
                "mfa_enabled": mfa, "backup_codes_enabled": backup is not None, "backup_codes": backup, "totp_secret": totp}

    users = [
        js("Paula", "Reyes", "paula.reyes@example.com", digest=bcrypt(10, "2a"), hasher="bcrypt", totp=base32(32), mfa=True,
           backup=[alnum(8).lower() for _ in range(3)], public={"plan": "pro"}),
        js("Rui", "Costa", "rui.costa@example.org", emails=["rui.costa@example.org", "rui@example.com"],
           unsafe={"username": "ruic"}, image=True),
        js("Sara", "Holm", "sara.holm@example.com", digest="", hasher="bcrypt"),
        js("Paula", "Reyes", "Paula.Reyes@example.com", digest=bcrypt(10, "2a"), hasher="bcrypt"),
        js("Teo", "Marin", "teo.marin@example.com", phone="+15555550193", mfa=True),
        js("Uma", "Patel", "uma.patel@example.org", digest=bcrypt(10, "2a"), hasher="bcrypt", private={"crm_id": "C-1"}),
        js("Vik", "Rao", None, emails=[], phone="+15555550194"),
    ]
    write(d / "users.json", dumps(users))


SUPABASE_COLUMNS = ["instance_id", "id", "aud", "role", "email", "encrypted_password", "email_confirmed_at", "invited_at",
                    "confirmation_token", "confirmation_sent_at", "recovery_token", "recovery_sent_at",
                    "email_change_token_new", "email_change", "email_change_sent_at", "last_sign_in_at",
                    "raw_app_meta_data", "raw_user_meta_data", "is_super_admin", "created_at", "updated_at", "phone",
                    "phone_confirmed_at", "phone_change", "phone_change_token", "phone_change_sent_at", "confirmed_at",
                    "email_change_token_current", "email_change_confirm_status", "banned_until",
                    "reauthentication_token", "reauthentication_sent_at", "is_sso_user", "deleted_at", "is_anonymous"]


def gen_supabase():
    d = ROOT / "supabase"
    rows = []

    def row(email, pw, confirmed, last, app, user, created, *, phone=None, phone_conf=None, banned=None, deleted=None,
            confirmation_token="", recovery_token="", reauth_token="", sent=None):
        r = {c: None for c in SUPABASE_COLUMNS}
        r.update({"instance_id": "00000000-0000-0000-0000-000000000000", "id": uid(), "aud": "authenticated",
                  "role": "authenticated", "email": email, "encrypted_password": pw, "email_confirmed_at": confirmed,
                  "confirmation_token": confirmation_token, "confirmation_sent_at": sent, "recovery_token": recovery_token,
                  "email_change_token_new": "", "email_change": "", "last_sign_in_at": last,
                  "raw_app_meta_data": app, "raw_user_meta_data": user, "is_super_admin": None, "created_at": created,
                  "updated_at": last or created, "phone": phone, "phone_confirmed_at": phone_conf, "phone_change": "",
                  "phone_change_token": "", "confirmed_at": confirmed or phone_conf,
                  "email_change_token_current": "", "email_change_confirm_status": 0, "banned_until": banned,
                  "reauthentication_token": reauth_token, "is_sso_user": False, "deleted_at": deleted, "is_anonymous": False})
        rows.append(r)
        return r

    email_app = {"provider": "email", "providers": ["email"]}
    s1 = row("lucas.meyer@example.com", bcrypt(10, "2a"), pg_ts(2022, 3, 1, 8, 0, 0, 153624), pg_ts(2026, 11, 20, 7, 30, 1, 1),
             email_app, {"full_name": "Lucas Meyer", "plan": "pro"}, pg_ts(2022, 3, 1, 7, 59, 59, 140992))
    s2 = row(f"{MARKER}.okafor@example.com", bcrypt(10, "2a"), pg_ts(2023, 2, 2, 2, 2, 2, 2), pg_ts(2024, 4, 4, 4, 4, 4, 4),
             email_app, {"full_name": f"Ada {MARKER} Okafor"}, pg_ts(2023, 2, 2, 2, 0, 0, 0),
             phone=MARKER_PHONE.lstrip("+"), recovery_token=hexs(56), reauth_token=MARKER_SECRET)
    s3 = row("mei.wong@example.org", "", pg_ts(2024, 1, 1, 1, 1, 1, 100000), pg_ts(2025, 8, 8, 8, 8, 8, 8),
             {"provider": "google", "providers": ["google"]},
             {"iss": "https://accounts.google.com", "sub": "103300220011009988776", "name": "Mei Wong",
              "email": "mei.wong@example.org", "picture": "https://lh3.googleusercontent.com/a/example-mei",
              "full_name": "Mei Wong", "avatar_url": "https://lh3.googleusercontent.com/a/example-mei",
              "provider_id": "103300220011009988776", "email_verified": True, "phone_verified": False},
             pg_ts(2024, 1, 1, 1, 1, 0, 0))
    s4 = row("nico.ferrari@example.com", bcrypt(10, "2a"), pg_ts(2022, 9, 9, 9, 9, 9, 9), pg_ts(2026, 3, 3, 3, 3, 3, 3),
             {"provider": "email", "providers": ["email", "github"]},
             {"full_name": "Nico Ferrari", "user_name": "nicof", "avatar_url": "https://avatars.example.com/u/1"},
             pg_ts(2022, 9, 9, 9, 0, 0, 0))
    s5 = row("oona.virtanen@example.org", bcrypt(10, "2a"), None, None, email_app, {}, pg_ts(2026, 11, 29, 10, 0, 0, 0),
             confirmation_token=hexs(56), sent=pg_ts(2026, 11, 29, 10, 0, 0, 500000))
    s6 = row("piotr.nowak@example.com", bcrypt(10, "2a"), pg_ts(2022, 5, 5, 5, 5, 5, 5), pg_ts(2023, 10, 10, 10, 10, 10, 10),
             email_app, {"full_name": "Piotr Nowak", "company": "Example Ltd"}, pg_ts(2022, 5, 5, 5, 0, 0, 0),
             banned="2999-01-01 00:00:00+00")
    s7 = row("qi.zhang@example.com", bcrypt(10, "2a"), pg_ts(2022, 12, 12, 12, 12, 12, 12), pg_ts(2025, 1, 15, 15, 15, 15, 15),
             email_app, {}, pg_ts(2022, 12, 12, 12, 0, 0, 0), banned="2023-05-01 00:00:00+00")
    s8 = row("rhea.kapoor@example.org", bcrypt(10, "2a"), pg_ts(2023, 3, 3, 3, 3, 3, 3), pg_ts(2023, 6, 6, 6, 6, 6, 6),
             email_app, {"full_name": "Rhea Kapoor"}, pg_ts(2023, 3, 3, 3, 0, 0, 0), deleted=pg_ts(2024, 1, 31, 0, 0, 0, 0))
    s9 = row(None, "", None, pg_ts(2024, 11, 11, 11, 11, 11, 11), {"provider": "phone", "providers": ["phone"]}, {},
             pg_ts(2024, 11, 1, 11, 0, 0, 0), phone="15555550155", phone_conf=pg_ts(2024, 11, 1, 11, 0, 30, 0))
    s10 = row("Lucas.Meyer@example.com", None, pg_ts(2025, 7, 7, 7, 7, 7, 7), pg_ts(2025, 7, 7, 7, 7, 8, 0),
              email_app, {}, pg_ts(2025, 7, 7, 7, 0, 0, 0))
    ids = [r["id"] for r in rows]

    def cell(v):
        if v is None:
            return ""
        if isinstance(v, bool):
            return "true" if v else "false"
        if isinstance(v, (dict, list)):
            return json.dumps(v, separators=(",", ":"))
        return str(v)

    text = csv_text([SUPABASE_COLUMNS] + [[cell(r[c]) for c in SUPABASE_COLUMNS] for r in rows], quoting=csv.QUOTE_ALL)
    write(d / "auth-users.csv", "\ufeff" + text)
    write(d / "auth-users.json", dumps(rows))

    header = ["id", "user_id", "friendly_name", "factor_type", "status", "secret", "created_at", "updated_at"]
    f = [header,
         [uid(), s1["id"], "Authenticator app", "totp", "verified", base32(32), pg_ts(2023, 1, 1), pg_ts(2023, 1, 1)],
         [uid(), s4["id"], "", "totp", "unverified", base32(32), pg_ts(2026, 3, 3), pg_ts(2026, 3, 3)],
         [uid(), s4["id"], "Mobile", "phone", "verified", "", pg_ts(2025, 2, 2), pg_ts(2025, 2, 2)],
         [uid(), s6["id"], "1Password", "totp", "verified", base32(32), pg_ts(2022, 6, 6), pg_ts(2022, 6, 6)],
         [uid(), uid(), "Authenticator app", "totp", "verified", base32(32), pg_ts(2022, 7, 7), pg_ts(2022, 7, 7)]]
    write(d / "mfa-factors.csv", csv_text(f, quoting=csv.QUOTE_ALL))
    return ids


def gen_stytch():
    d = ROOT / "stytch"
    users = []

    def user(email, verified, *, password=True, requires_reset=False, status="active", created, phone=None,
             phone_verified=False, providers=(), webauthn=(), totps=0, trusted=None, untrusted=None, first="", last=""):
        u = {"biometric_registrations": [], "created_at": created, "crypto_wallets": [],
             "emails": [{"email": email, "email_id": "email-test-" + uid(), "verified": verified}] if email else [],
             "name": {"first_name": first, "last_name": last, "middle_name": ""},
             "password": {"password_id": "password-test-" + uid(), "requires_reset": requires_reset} if password else None,
             "phone_numbers": [{"phone_id": "phone-number-test-" + uid(), "phone_number": phone, "verified": phone_verified}] if phone else [],
             "providers": [{"provider_type": p, "provider_subject": s, "profile_picture_url": "", "locale": "",
                            "oauth_user_registration_id": "oauth-user-test-" + uid()} for p, s in providers],
             "status": status,
             "totps": [{"totp_id": "totp-test-" + uid(), "verified": True} for _ in range(totps)],
             "trusted_metadata": trusted or {}, "untrusted_metadata": untrusted or {},
             "user_id": "user-test-" + uid(),
             "webauthn_registrations": [{"webauthn_registration_id": "webauthn-registration-test-" + uid(),
                                         "domain": "app.example.com", "user_agent": "Mozilla/5.0", "verified": True,
                                         "authenticator_type": kind, "name": name} for kind, name in webauthn]}
        users.append(u)
        return u

    user("amara.obi@example.com", True, created="2022-04-04T09:54:59Z", totps=1, trusted={"plan": "pro"}, first="Amara", last="Obi")
    user("bram.devries@example.org", True, password=False, created="2023-05-05T10:00:00Z",
         providers=[("Google", "104455667788990011223")], first="Bram", last="de Vries")
    user("cata.lopez@example.com", True, password=False, created="2024-06-06T11:00:00Z", first="Cata", last="Lopez")
    user("dev.anand@example.org", True, created="2022-07-07T12:00:00Z", webauthn=[("platform", "MacBook Touch ID")],
         first="Dev", last="Anand")
    user("elin.berg@example.com", False, password=False, status="pending", created="2026-11-27T13:00:00Z")
    user(None, False, password=False, created="2025-08-08T14:00:00Z", phone="+15555550170", phone_verified=True)
    user("Amara.Obi@example.com", False, created="2025-09-09T15:00:00Z", first="Amara", last="Obi")
    user("finn.walsh@example.org", True, requires_reset=True, created="2023-10-10T16:00:00Z",
         untrusted={"theme": "dark"}, first="Finn", last="Walsh")
    user("gita.rao@example.com", True, created="2024-11-11T17:00:00Z", totps=1,
         providers=[("Microsoft", "00000000-0000-0000-b1c2-000000000001")], trusted={"plan": "team", "seats": 3})
    write(d / "users.json", dumps({"request_id": "request-id-test-" + uid(), "results": users,
                                   "results_metadata": {"next_cursor": None, "total": len(users)}, "status_code": 200}))

    project = "project-test-" + uid()
    lines = ["scrypt hash parameters,,,,", "scryptCostParameter 1 << 15,,,,", "scryptRParameter 8,,,,",
             "scryptPParameter 1,,,,", "scryptKeyLengthParamenter 32,,,,", ",,,,", "id,hash,salt,hash_method,project_id"]
    for u in users:
        if u["password"]:
            h, s = b64url(32), b64url(22)
            while not (set(h + s) & set("-_")):  # the point of this file: URL-safe base64
                h, s = b64url(32), b64url(22)
            lines.append(f"{u['user_id']},{h},{s},scrypt,{project}")
    write(d / "hashes.csv", "\n".join(lines) + "\n")


def gen_fusionauth():
    d = ROOT / "fusionauth"
    t1, t2 = uid(), uid()
    app_a, app_b = uid(), uid()

    def bc(cost):
        full = bcrypt(cost, "2a")
        return {"encryptionScheme": "bcrypt", "factor": cost, "salt": full[7:29], "password": full[29:]}

    def pb():
        return {"encryptionScheme": "salted-pbkdf2-hmac-sha256", "factor": 24000, "salt": b64(16), "password": b64(32)}

    def user(email, first, last, pw, *, tenant, verified=True, active=True, regs=((None, ["user"]),), data=None,
             last_login=None, inserted, two=None, username=None):
        u = {"id": uid(), "email": email, "username": username, "firstName": first, "lastName": last}
        if username is None:
            del u["username"]
        u.update(pw or {})
        u.update({"passwordChangeRequired": False, "verified": verified, "active": active, "tenantId": tenant,
                  "registrations": [{"applicationId": a or app_a, "roles": r, "verified": verified} for a, r in regs],
                  "data": data or {}, "insertInstant": epoch_ms(*inserted)})
        if last_login:
            u["lastLoginInstant"] = epoch_ms(*last_login)
        if two:
            u["twoFactor"] = {"methods": two}
        return u

    users = [
        user("hana.novak@example.com", "Hana", "Novak", bc(10), tenant=t1, data={"plan": "pro", "source": "legacy-app"},
             inserted=(2022, 2, 2), last_login=(2026, 11, 5, 9),
             two=[{"id": alnum(4).upper(), "method": "authenticator", "secret": b64(20),
                   "authenticator": {"algorithm": "HmacSHA1", "codeLength": 6, "timeStep": 30}}],
             regs=((None, ["user"]), (app_b, ["admin"]))),
        user("igor.lebedev@example.org", "Igor", "Lebedev", pb(), tenant=t1, inserted=(2022, 8, 8), last_login=(2024, 2, 29, 12)),
        user("jade.morris@example.com", "Jade", "Morris", bc(12), tenant=t1, active=False, inserted=(2023, 3, 3),
             last_login=(2023, 4, 1, 8)),
        user("kemal.aydin@example.com", "Kemal", "Aydin",
             {"encryptionScheme": "salted-sha256", "factor": 20000, "salt": b64(36), "password": b64(32)},
             tenant=t1, inserted=(2022, 1, 1), last_login=(2022, 6, 30, 23)),
        user("lina.haddad@example.org", "Lina", "Haddad", None, tenant=t2, inserted=(2025, 5, 5), data={"referrer": "partner"}),
        user("Hana.Novak@example.com", "Hana", "Novak", bc(10), tenant=t2, regs=((app_b, ["user"]),),
             inserted=(2024, 4, 4), last_login=(2025, 10, 10, 10)),
        user("marek.zelenka@example.com", "Marek", "Zelenka", pb(), tenant=t2, inserted=(2023, 11, 11),
             two=[{"id": alnum(4).upper(), "method": "email", "email": "marek.zelenka@example.com"}],
             last_login=(2026, 8, 8, 8)),
        user("nia.james@example.org", "Nia", "James", bc(10), tenant=t1, verified=False, inserted=(2026, 11, 25),
             two=[{"id": alnum(4).upper(), "method": "sms", "mobilePhone": "+15555550180"}]),
    ]
    write(d / "users.json", dumps({"users": users}))


def gen_zitadel():
    d = ROOT / "zitadel"

    def human(user_name, first, last, email, verified, *, pw=None, otp=None, idps=(), passwordless=False):
        u = {"userName": user_name,
             "profile": {"firstName": first, "lastName": last, "displayName": f"{first} {last}", "preferredLanguage": "en"},
             "email": {"email": email, "isEmailVerified": verified}}
        if pw:
            u["hashedPassword"] = {"value": pw}
            u["passwordChangeRequired"] = False
        if otp:
            u["otpCode"] = otp
        if passwordless:
            u["requestPasswordlessRegistration"] = True
        if idps:
            u["idps"] = [{"configId": c, "externalUserId": x, "displayName": n} for c, x, n in idps]
        return {"userId": str(R.randint(10 ** 17, 10 ** 18 - 1)), "user": u}

    google_idp = str(R.randint(10 ** 17, 10 ** 18 - 1))
    azure_idp = str(R.randint(10 ** 17, 10 ** 18 - 1))
    org1 = {"orgId": str(R.randint(10 ** 17, 10 ** 18 - 1)), "org": {"name": "Example Retail"}, "humanUsers": [
        human("omar.farouk", "Omar", "Farouk", "omar.farouk@example.com", True, pw=bcrypt(10, "2a"), otp=base32(32)),
        human("pia.lund", "Pia", "Lund", "pia.lund@example.org", True, idps=[(google_idp, "107766554433221100998", "Pia Lund")]),
        human("quin.mbeki", "Quin", "Mbeki", "quin.mbeki@example.com", True, pw=argon2id(65536, 1, 4)),
        human("rafa.gil", "Rafa", "Gil", "rafa.gil@example.org", False, passwordless=True),
    ], "machineUsers": [{"userId": str(R.randint(10 ** 17, 10 ** 18 - 1)),
                         "user": {"userName": "portal-sync", "name": "Portal sync job", "description": "CI import bot"}}]}
    org2 = {"orgId": str(R.randint(10 ** 17, 10 ** 18 - 1)), "org": {"name": "Example Wholesale"}, "humanUsers": [
        human("sofia.reis", "Sofia", "Reis", "sofia.reis@example.com", False, pw=bcrypt(10, "2a")),
        human("omar.farouk.ws", "Omar", "Farouk", "Omar.Farouk@example.com", True, pw=bcrypt(10, "2a"),
              idps=[(azure_idp, uid(), "Omar Farouk")]),
        human("tomas.cerny", "Tomas", "Cerny", "tomas.cerny@example.org", True, pw=bcrypt(12, "2a"), otp=base32(32)),
    ]}
    write(d / "export.json", dumps({"orgs": [org1, org2]}))


def gen_ory():
    d = ROOT / "ory"
    org_a, org_b = uid(), uid()

    def ident(email, verified, *, state="active", created, creds, metadata_public=None, metadata_admin=None, org=None,
              name=None):
        i = {"id": uid(), "credentials": {}, "schema_id": "preset://email", "schema_url": "https://example.projects.oryapis.com/schemas/cHJlc2V0Oi8vZW1haWw",
             "state": state, "state_changed_at": created,
             "traits": {"email": email, **({"name": name} if name else {})},
             "verifiable_addresses": [{"id": uid(), "value": email.lower(), "verified": verified, "via": "email",
                                       "status": "completed" if verified else "sent",
                                       **({"verified_at": created} if verified else {}),
                                       "created_at": created, "updated_at": created}],
             "recovery_addresses": [{"id": uid(), "value": email.lower(), "via": "email", "created_at": created,
                                     "updated_at": created}],
             "metadata_public": metadata_public, "metadata_admin": metadata_admin,
             "created_at": created, "updated_at": created, "organization_id": org}
        for kind, config, identifiers in creds:
            i["credentials"][kind] = {"type": kind, "identifiers": identifiers, "config": config, "version": 0,
                                      "created_at": created, "updated_at": created}
        return i

    def pw(h, email):
        return ("password", {"hashed_password": h}, [email.lower()])

    def totp(email):
        return ("totp", {"totp_url": f"otpauth://totp/Example:{email.lower()}?algorithm=SHA1&digits=6&issuer=Example&period=30&secret={base32(32)}"},
                [ "" ])

    def oidc(provider, subject):
        return ("oidc", {"providers": [{"subject": subject, "provider": provider, "initial_id_token": "",
                                        "initial_access_token": "", "initial_refresh_token": ""}]},
                [f"{provider}:{subject}"])

    def webauthn(passwordless):
        return ("webauthn", {"credentials": [{"id": b64(32), "public_key": b64(77), "attestation_type": "none",
                                              "authenticator": {"aaguid": b64(16), "sign_count": 3, "clone_warning": False},
                                              "display_name": "YubiKey", "added_at": "2025-05-05T05:05:05Z",
                                              "is_passwordless": passwordless}],
                             "user_handle": b64(16)}, [uid()] if passwordless else [])

    ids = [
        ident("ana.silva@example.com", True, created="2022-03-03T03:03:03Z",
              creds=[pw(argon2id(), "ana.silva@example.com"), totp("ana.silva@example.com")],
              metadata_public={"plan": "pro"}, name={"first": "Ana", "last": "Silva"}),
        ident("ben.okoro@example.org", True, created="2023-04-04T04:04:04Z",
              creds=[oidc("google", "102030405060708090100")]),
        ident("cara.nolan@example.com", False, state="inactive", created="2022-05-05T05:05:05Z",
              creds=[pw(bcrypt(12, "2a"), "cara.nolan@example.com")], metadata_admin={"suspended_reason": "chargeback"}),
        ident("dan.ives@example.org", True, created="2025-05-05T05:05:05Z", creds=[webauthn(True)]),
        ident("eva.roth@example.com", True, created="2024-06-06T06:06:06Z", org=org_a,
              creds=[pw(argon2id(), "eva.roth@example.com"), oidc("github", "6600112")], metadata_public={"plan": "team"}),
        ident("Ana.Silva@example.com", True, created="2025-07-07T07:07:07Z", org=org_a,
              creds=[pw(argon2id(), "ana.silva@example.com"), webauthn(False)]),
        ident("fay.tran@example.org", False, created="2026-11-26T12:00:00Z", org=org_b,
              creds=[("code", {"addresses": [{"channel": "email", "address": "fay.tran@example.org"}]}, ["fay.tran@example.org"])]),
        ident("gil.hart@example.com", True, created="2023-08-08T08:08:08Z",
              creds=[pw(argon2id(), "gil.hart@example.com"),
                     ("lookup_secret", {"recovery_codes": [{"code": alnum(8).lower()} for _ in range(4)]}, [""])],
              metadata_admin={"crm_id": "C-88"}),
    ]
    write(d / "identities.json", dumps(ids))


def gen_generic():
    d = ROOT / "generic"
    write(d / "wordpress.csv", csv_text([
        ["ID", "user_login", "user_email", "user_pass", "user_registered"],
        ["1", "admin", "webmaster@example.com", phpass(), "2022-01-04 10:00:00"],
        ["2", "jbrown", "julia.brown@example.org", phpass(), "2022-06-14 08:12:45"],
        ["3", "kpatel", "kiran.patel@example.com", phpass(), "2023-02-28 19:01:00"],
        ["4", "JuliaB", "Julia.Brown@example.org", phpass(), "2024-09-30 23:59:59"],
        ["", "orphan_row", "orphan.row@example.com", phpass(), "2025-01-01 00:00:00"],
        ["6", "lmendez", "luis.mendez@example.org", phpass(), "2025-11-11 11:11:11"],
        ["7", "mnguyen", "minh.nguyen@example.com", phpass(), "2026-10-10 10:10:10"],
    ]))
    write(d / "django.csv", csv_text([
        ["id", "username", "email", "password", "last_login", "is_active"],
        ["1", "admin", "ops@example.com", django_pbkdf2(720000), "2026-11-18 09:00:00.123456+00", "t"],
        ["2", "nora", "nora.lind@example.org", django_pbkdf2(600000), "2025-04-01 12:00:00+00", "t"],
        ["3", "omid", "omid.karimi@example.com", "argon2$argon2id$v=19$m=102400,t=2,p=8$" + b64nopad(16) + "$" + b64nopad(32),
         "2024-02-02 02:02:02+00", "t"],
        ["4", "petra", "petra.sykes@example.org", "bcrypt_sha256$" + bcrypt(12, "2b"), "2023-03-03 03:03:03+00", "f"],
        ["5", "Nora2", "NORA.LIND@example.org", django_pbkdf2(720000), "", "t"],
        ["6", "sso_only", "raj.menon@example.com", "!" + alnum(40), "2022-12-12 12:12:12+00", "t"],
        ["7", "tilde", "tilde.ek@example.com", "bcrypt_sha256$" + bcrypt(12, "2b"), "2022-07-07 07:07:07+00", "t"],
        ["8", "uwe", "uwe.kraus@example.org", "argon2$argon2id$v=19$m=102400,t=2,p=8$" + b64nopad(16) + "$" + b64nopad(32),
         "", "t"],
    ]))
    write(d / "aspnet.csv", csv_text([
        ["Id", "UserName", "Email", "EmailConfirmed", "PasswordHash", "TwoFactorEnabled", "LockoutEnd", "AccessFailedCount"],
        [uid(), "vic.hale@example.com", "vic.hale@example.com", "True", aspnet_v2(), "False", "", "0"],
        [uid(), "wanda.ross@example.org", "wanda.ross@example.org", "True", aspnet_v3(1, 10000), "True", "", "0"],
        [uid(), "xavi.puig@example.com", "xavi.puig@example.com", "False", aspnet_v3(2, 100000), "False",
         "2999-12-31 23:59:59.9999999 +00:00", "5"],
        [uid(), "yusuf.demir@example.org", "yusuf.demir@example.org", "True", "", "False", "", "0"],
        [uid(), "Vic.Hale@example.com", "Vic.Hale@example.com", "True", aspnet_v3(2, 100000), "True", "", "1"],
        [uid(), "zoe.king@example.com", "zoe.king@example.com", "True", aspnet_v3(1, 10000), "False",
         "2023-04-04 04:04:04.0000000 +00:00", "0"],
    ], terminator="\r\n"))
    devise = [
        {"id": 1, "email": "abe.lincoln@example.com", "encrypted_password": bcrypt(11, "2a"),
         "confirmed_at": "2022-02-02T10:00:00.000Z", "current_sign_in_at": "2026-11-01T09:00:00.000Z",
         "last_sign_in_at": "2026-10-20T09:00:00.000Z", "sign_in_count": 88, "locked_at": None, "failed_attempts": 0},
        {"id": 2, "email": "bo.chan@example.org", "encrypted_password": bcrypt(11, "2a"), "confirmed_at": None,
         "current_sign_in_at": None, "last_sign_in_at": None, "sign_in_count": 0, "locked_at": None, "failed_attempts": 0},
        {"id": 3, "email": "cy.diaz@example.com", "encrypted_password": bcrypt(11, "2a"),
         "confirmed_at": "2023-03-03T03:03:03.000Z", "current_sign_in_at": "2023-09-09T09:09:09.000Z",
         "last_sign_in_at": "2023-09-01T09:09:09.000Z", "sign_in_count": 4, "locked_at": "2023-09-10T00:00:00.000Z",
         "failed_attempts": 10},
        {"id": 4, "email": "Abe.Lincoln@example.com", "encrypted_password": "", "confirmed_at": "2024-04-04T04:04:04.000Z",
         "current_sign_in_at": "2025-05-05T05:05:05.000Z", "last_sign_in_at": "2025-05-01T05:05:05.000Z",
         "sign_in_count": 2, "locked_at": None, "failed_attempts": 0, "provider": "google_oauth2", "uid": "109988776655"},
        {"id": 5, "email": "dee.fox@example.org", "encrypted_password": bcrypt(11, "2a"),
         "confirmed_at": "2022-12-01T00:00:00.000Z", "current_sign_in_at": "2024-08-08T08:08:08.000Z",
         "last_sign_in_at": "2024-08-01T08:08:08.000Z", "sign_in_count": 19, "locked_at": None, "failed_attempts": 1},
    ]
    write(d / "devise.json", dumps(devise))
    write(d / "ldap.csv", csv_text([
        ["uid", "mail", "userPassword"],
        ["ejones", "emma.jones@example.com", "{SSHA}" + b64(28)],
        ["fkhan", "farid.khan@example.org", "{SSHA}" + b64(28)],
        ["gmuller", "greta.muller@example.com", "{SHA}" + b64(20)],
        ["hsmith", "hugo.smith@example.org", "{CRYPT}" + sha512_crypt()],
        ["ejones", "emma.jones2@example.com", "{SSHA}" + b64(28)],
        ["ilee", "Emma.Jones@example.com", "{SHA}" + b64(20)],
        ["jroe", "jo.roe@example.org", ""],
    ]))


def gen_bad():
    d = ROOT / "bad"
    nd = (ROOT / "auth0" / "users.ndjson").read_bytes()
    big = nd * 40  # large enough that half of the gzip stream is well inside the deflate data
    gz = gzip_bytes(big)
    write(d / "truncated.ndjson.gz", gz[: len(gz) // 2], binary=True)
    write(d / "corrupt.gz", b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03" + bytes(R.getrandbits(8) for _ in range(512)), binary=True)
    invalid = ('{"users": [\n'
               '{\n'
               '  "localId": "' + alnum(28) + '",\n'
               '  "email": "ok.user@example.com",\n'
               '  "emailVerified": true\n'
               '},\n'
               '{\n'
               '  "localId": "' + alnum(28) + '"\n'
               '  "email": "broken.user@example.com",\n'
               '  "emailVerified": false\n'
               '}]}\n')
    write(d / "invalid.json", invalid)
    write(d / "invalid.csv", 'id,email,password_hash\n1,ok.one@example.com,' + bcrypt(10, "2a")
          + '\n2,"unterminated@example.com,' + bcrypt(10, "2a") + '\n3,never.reached@example.com,' + bcrypt(10, "2a") + "\n")
    write(d / "empty.json", "")
    depth = 5000
    write(d / "deep.json", '[{"id": "1", "email": "deep.one@example.com", "profile": ' + "[" * depth + "]" * depth + "},\n"
          + ' {"id": "2", "email": "deep.two@example.com", "profile": []}]\n')
    write(d / "formula.csv", csv_text([
        ["id", "email", "name", "@SUM(A1)", "password_hash"],
        ["1", "formula.one@example.com", '=HYPERLINK("http://x","y")', "+1+1", bcrypt(10, "2a")],
        ["2", "formula.two@example.org", "@SUM(A1)", "=1+2", bcrypt(10, "2a")],
        ["3", "formula.three@example.com", "-2+3", "plain", bcrypt(10, "2a")],
    ]))
    mixed = d / "mixed"
    write(mixed / "auth0-users.ndjson", "".join(nd.decode().splitlines(keepends=True)[:3]))
    fb = (ROOT / "firebase" / "users.json").read_text()
    write(mixed / "firebase-users.json", fb)
    write(d / "README.md", BAD_README.replace("{depth}", str(depth)))


BAD_README = """# Bad inputs

Files an analyser must refuse (or flag) cleanly: a clear error naming the file, no stack trace, no partial
counts presented as complete, and no cell or value echoed back. Generated by `../make_fixtures.py`; they have
no answer keys.

| file | what is wrong | expected behaviour |
|---|---|---|
| `truncated.ndjson.gz` | the first half of a valid gzip (users.ndjson x 40): the deflate stream ends early, no trailer | error "truncated / unexpected end of gzip"; never report the records read so far as the export |
| `corrupt.gz` | gzip magic and a valid 10-byte header, then 512 random bytes | error "corrupt gzip" |
| `invalid.json` | a Firebase-shaped `{"users": [...]}` with a missing comma at the end of line 8; parsers report line 9 (`"email"` where `,` was expected) | error with the line number (9), no value from the file |
| `invalid.csv` | the quote opened on line 3 (`"unterminated@example.com,...`) is never closed | error "unterminated quoted field" (starting at line 3) |
| `empty.json` | 0 bytes | error "empty file" (or a no-users result that says so), not a crash |
| `deep.json` | a JSON array of users; the first has `"profile"` nested {depth} arrays deep | refused at the nesting limit (`ExportLimits.maxNestingDepth`, 64 by default) before a stack overflow |
| `formula.csv` | a generic CSV whose header has `@SUM(A1)` and whose cells hold `=HYPERLINK("http://x","y")`, `+1+1`, `=1+2`, `@SUM(A1)`, `-2+3` | any header or provider name shown or written to CSV/XLSX is neutralised (leading `'`), cell values never shown |
| `mixed/` | one Auth0 export-job NDJSON (3 users) next to one Firebase CLI JSON | error or warning "files from different platforms" rather than summing them |

## The gzip bomb is not committed

`bomb.gz` is deliberately absent: the test builds it on the fly. One gigabyte of zeros gzips to about 1 MB
(deflate tops out near 1032:1), so write it in a loop into a temporary file, e.g.

```java
Path bomb = tmp.resolve("bomb.gz");
try (var out = new GZIPOutputStream(Files.newOutputStream(bomb), 1 << 16)) {
    byte[] zeros = new byte[1 << 20];
    for (int i = 0; i < 1024; i++) out.write(zeros);   // 1 GiB in, ~1 MiB out
}
```

and expect the analyser to stop at `ExportLimits.maxExpansionRatio` (200 by default) or `maxBytes`, long before it
has inflated the whole gigabyte.
"""


# ---------------------------------------------------------------------------------------------------------------
# 2. readers: files -> neutral records
# ---------------------------------------------------------------------------------------------------------------

class Rec:
    """One user as a careful analyser would see it. None means 'this record cannot show it'."""

    def __init__(self, **kw):
        self.id = kw.get("id")
        self.email = kw.get("email")
        self.verified = kw.get("verified")        # True/False/None
        self.hash = kw.get("hash")                # (scheme, params, cost) when a hash is in the file
        self.pw_no_hash = kw.get("pw_no_hash", False)  # the record says there is a password, the hash is elsewhere
        self.pw_observed = kw.get("pw_observed", True)  # False: the format cannot show whether there is a password
        self.blocked = kw.get("blocked")
        self.mfa = kw.get("mfa")                  # set of factors, or None (unknown)
        self.totp_secret = kw.get("totp_secret", False)
        self.providers = kw.get("providers")      # list of names, or None (not carried)
        self.federated = kw.get("federated", False)
        self.last = kw.get("last", "unobserved")  # "unobserved" | "never" | ISO date string
        self.custom = kw.get("custom")            # list of keys, or None
        self.tenants = kw.get("tenants")
        self.orgs = kw.get("orgs")
        self.groups = kw.get("groups")
        self.service = kw.get("service", False)


def classify(h: str | None):
    """scheme, parameters, bcrypt cost of a self-describing hash string; None when empty/unusable."""
    if h is None:
        return None
    h = h.strip()
    if not h or h.startswith("!"):
        return None
    m = re.fullmatch(r"\$2[abxy]\$(\d{2})\$[./A-Za-z0-9]{53}", h)
    if m:
        return ("bcrypt", f"cost={int(m.group(1))}", int(m.group(1)))
    m = re.fullmatch(r"bcrypt_sha256\$\$2[aby]\$(\d{2})\$[./A-Za-z0-9]{53}", h)
    if m:
        return ("bcrypt", f"cost={int(m.group(1))}", int(m.group(1)))
    m = re.fullmatch(r"(?:argon2)?\$argon2(id|i|d)\$v=\d+\$m=(\d+),t=(\d+),p=(\d+)\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+", h)
    if m:
        return ("argon2" + m.group(1), f"m={m.group(2)},t={m.group(3)},p={m.group(4)}", None)
    m = re.fullmatch(r"pbkdf2_(sha1|sha256)\$(\d+)\$[^$]+\$[^$]+", h)
    if m:
        return ("pbkdf2-" + m.group(1), f"iterations={m.group(2)}", None)
    if re.fullmatch(r"\$P\$[./0-9A-Za-z]{31}", h):
        return ("phpass", "iterations=2^" + str(CRYPT64.index(h[3])), None)
    m = re.fullmatch(r"\{(SSHA|SHA|CRYPT)\}(.+)", h)
    if m:
        if m.group(1) == "SSHA" and len(base64.b64decode(m.group(2))) > 20:
            return ("ssha", None, None)
        if m.group(1) == "SHA" and len(base64.b64decode(m.group(2))) == 20:
            return ("ldap", None, None)
        if m.group(1) == "CRYPT" and re.fullmatch(r"\$6\$[./0-9A-Za-z]{1,16}\$[./0-9A-Za-z]{86}", m.group(2)):
            return ("sha512-crypt", "rounds=5000", None)
    if re.fullmatch(r"A[A-Za-z0-9+/]+={0,2}", h):
        raw = base64.b64decode(h)
        if raw[0] == 0 and len(raw) == 49:
            return ("pbkdf2-sha1", "iterations=1000", None)
        if raw[0] == 1:
            prf, it, slen = struct.unpack(">III", raw[1:13])
            assert len(raw) == 13 + slen + 32
            return ("pbkdf2-" + ["sha1", "sha256", "sha512"][prf], f"iterations={it}", None)
    raise ValueError("fixture hash not classified: " + h[:20])


def rd_json(p: Path):
    return json.loads(p.read_text(encoding="utf-8"))


def rd_csv(p: Path, encoding="utf-8"):
    with p.open(newline="", encoding=encoding) as f:
        return list(csv.reader(f))


def rd_csv_dicts(p: Path, encoding="utf-8"):
    rows = rd_csv(p, encoding)
    return [dict(zip(rows[0], r)) for r in rows[1:]]


def ms_iso(ms) -> str:
    return datetime.fromtimestamp(int(ms) / 1000, tz=timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


# --- Auth0 ---

AUTH0_PASSWORDLESS = {"email", "sms"}


def auth0_identity(provider, connection, social):
    """(providers, password, passwordless-connection, federated) contributions of one identity."""
    if provider == "auth0":
        return connection, True, False, False
    if provider in AUTH0_PASSWORDLESS:
        return connection, False, True, False
    return connection, False, False, True


def auth0_mfa(mf):
    out = set()
    for f in mf or []:
        out.add({"google-authenticator": "totp", "guardian": "push", "sms": "sms", "email": "email"}.get(f, "other"))
    return out


def read_auth0_ndjson(text: str):
    recs = []
    for line in text.splitlines():
        if not line.strip():
            continue
        u = json.loads(line)
        provs, pw, fed = [], False, False
        for i in u.get("identities", []):
            c, p, _, f = auth0_identity(i["provider"], i["connection"], i.get("isSocial"))
            provs.append(c); pw |= p; fed |= f
        custom = [f"user_metadata.{k}" for k in u.get("user_metadata", {})] + [f"app_metadata.{k}" for k in u.get("app_metadata", {})]
        recs.append(Rec(id=u["user_id"], email=u.get("email"), verified=u.get("email_verified") if "email" in u else None,
                        pw_no_hash=pw, blocked=bool(u.get("blocked", False)),
                        mfa=auth0_mfa(u["multifactor"]) if "multifactor" in u else None,
                        providers=provs, federated=fed,
                        last=u.get("last_login", "never"), custom=custom))
    return recs


def read_auth0_csv(p: Path):
    recs = []
    rows = rd_csv_dicts(p)
    meta_cols = [c for c in rd_csv(p)[0] if c.startswith(("user_metadata.", "app_metadata."))]
    for r in rows:
        c, pw, _, fed = auth0_identity(r["provider"], r["connection"], None)
        recs.append(Rec(id=r["user_id"], email=r["email"] or None,
                        verified=(r["email_verified"] == "true") if r["email"] else None, pw_no_hash=pw,
                        blocked=r["blocked"] == "true", providers=[c], federated=fed, last=r["last_login"] or "never",
                        custom=[k for k in meta_cols]))
    return recs


def read_auth0_hashes(p: Path):
    recs = []
    for line in p.read_text().splitlines():
        h = json.loads(line)
        ident = next(i for i in h["identifiers"] if i["type"] == "email")
        recs.append(Rec(id="auth0|" + h.get("alt_id", h["_id"]["$oid"]), email=h.get("email", ident["value"]),
                        verified=h.get("email_verified", ident.get("verified")), hash=classify(h["passwordHash"]),
                        providers=[h["connection"]], tenants=[h["tenant"]]))
    return recs


# --- Firebase ---

def firebase_rec(local_id, email, verified, has_hash, providers, created, last, phone, disabled, custom, mfa):
    return Rec(id=local_id, email=email or None, verified=verified if email else None,
               hash=("firebase-scrypt", None, None) if has_hash else None, blocked=disabled,
               mfa=mfa, providers=providers, federated=bool(providers), last=last or "never",
               custom=sorted(json.loads(custom)) if custom else [])


def read_firebase_json(p: Path):
    recs = []
    for u in rd_json(p)["users"]:
        mfa = None
        if "mfaInfo" in u:
            mfa = {"sms" if "phoneInfo" in m else "totp" if "totpInfo" in m else "other" for m in u["mfaInfo"]}
        recs.append(firebase_rec(u["localId"], u.get("email"), u.get("emailVerified", False), bool(u.get("passwordHash")),
                                 [pi["providerId"] for pi in u.get("providerUserInfo", [])], u.get("createdAt"),
                                 ms_iso(u["lastSignedInAt"]) if u.get("lastSignedInAt") else None, u.get("phoneNumber"),
                                 u.get("disabled", False), u.get("customAttributes"), mfa))
    return recs


def read_firebase_csv(p: Path):
    recs = []
    names = {7: "google.com", 11: "facebook.com", 15: "twitter.com", 19: "github.com"}
    for row in rd_csv(p):
        assert len(row) == 29 and row[28] == "", row
        provs = [n for i, n in names.items() if row[i]]
        recs.append(firebase_rec(row[0], row[1], row[2] == "true", bool(row[3]), provs, row[23],
                                 ms_iso(row[24]) if row[24] else None, row[25], row[26] == "true", row[27] or None, None))
    return recs


# --- Cognito ---

def read_cognito_pages(paths):
    recs = []
    for p in paths:
        for u in rd_json(p)["Users"]:
            a = {x["Name"]: x["Value"] for x in u["Attributes"]}
            ext = u["UserStatus"] == "EXTERNAL_PROVIDER"
            provs = []
            if ext:
                ids = json.loads(a["identities"]) if "identities" in a else []
                provs = [i["providerName"] for i in ids] or [u["Username"].split("_", 1)[0]]
            mfa = None
            if u.get("MFAOptions"):
                mfa = {"sms" for m in u["MFAOptions"] if m["DeliveryMedium"] == "SMS"}
            recs.append(Rec(id=a.get("sub", u["Username"]), email=a.get("email"),
                            verified=a.get("email_verified") == "true" if "email" in a else None,
                            pw_no_hash=not ext, blocked=not u["Enabled"], mfa=mfa, providers=provs, federated=ext,
                            custom=[k for k in a if k.startswith("custom:")]))
    return recs


def read_cognito_csv(p: Path):
    recs = []
    for r in rd_csv_dicts(p):
        recs.append(Rec(id=r["cognito:username"], email=r["email"] or None,
                        verified=r["email_verified"].lower() == "true", pw_observed=True,
                        mfa={"sms"} if r["cognito:mfa_enabled"].lower() == "true" else set(), providers=None,
                        custom=[k for k in r if k.startswith("custom:") and r[k]]))
    return recs


# --- Keycloak ---

def kc_hash(cred):
    data = json.loads(cred["credentialData"])
    secret = json.loads(cred["secretData"])
    assert secret["value"] and secret["salt"]
    alg = data["algorithm"]
    if alg == "argon2":
        ap = data["additionalParameters"]
        return ("argon2" + ap["type"][0], f"m={ap['memory'][0]},t={data['hashIterations']},p={ap['parallelism'][0]}", None)
    return ({"pbkdf2": "pbkdf2-sha1", "pbkdf2-sha256": "pbkdf2-sha256", "pbkdf2-sha512": "pbkdf2-sha512"}[alg],
            f"iterations={data['hashIterations']}", None)


def read_keycloak_users(users, realm):
    recs = []
    for u in users:
        creds = u.get("credentials", [])
        pw = next((c for c in creds if c["type"] == "password"), None)
        mfa = set()
        totp_secret = False
        for c in creds:
            if c["type"] == "otp":
                mfa.add("totp")
                totp_secret = bool(json.loads(c["secretData"]).get("value"))
            if c["type"] in ("webauthn", "webauthn-passwordless"):
                mfa.add("webauthn")
        fed = [f["identityProvider"] for f in u.get("federatedIdentities", [])]
        recs.append(Rec(id=u["id"], email=u.get("email"), verified=u.get("emailVerified") if u.get("email") else None,
                        hash=kc_hash(pw) if pw else None, pw_no_hash=bool(u.get("federationLink")) and not pw,
                        blocked=not u["enabled"], mfa=mfa, totp_secret=totp_secret, providers=fed, federated=bool(fed),
                        custom=list(u.get("attributes", {})), tenants=[realm], groups=list(u.get("groups", [])),
                        service=bool(u.get("serviceAccountClientLink"))))
    return recs


# --- Entra ---

def read_entra(p: Path):
    doc = rd_json(p)
    recs = []
    for u in doc["value"]:
        ids = u.get("identities", [])
        local = [i for i in ids if i["signInType"] not in ("federated", "userPrincipalName")]
        fed = [i["issuer"] for i in ids if i["signInType"] == "federated"]
        directory_only = not local and not fed  # a member account: only its userPrincipalName identity
        email = u.get("mail") or next((i["issuerAssignedId"] for i in ids if i["signInType"] == "emailAddress"), None) \
            or (u.get("otherMails") or [None])[0]
        act = u.get("signInActivity")
        last = (act or {}).get("lastSuccessfulSignInDateTime") or "never"
        recs.append(Rec(id=u["id"], email=email, verified=None, pw_no_hash=bool(local) or directory_only,
                        blocked=not u["accountEnabled"], mfa=None, providers=fed, federated=bool(fed), last=last,
                        custom=[k for k in u if k.startswith("extension_")]))
    return recs, doc.get("@odata.nextLink")


# --- Okta ---

OKTA_BASE = {"login", "email", "secondEmail", "firstName", "lastName", "middleName", "honorificPrefix", "honorificSuffix",
             "title", "displayName", "nickName", "profileUrl", "primaryPhone", "mobilePhone", "streetAddress", "city",
             "state", "zipCode", "postalAddress", "countryCode", "preferredLanguage", "locale", "timezone", "userType",
             "employeeNumber", "costCenter", "organization", "division", "department", "managerId", "manager"}


def read_okta(p: Path):
    recs = []
    for u in rd_json(p):
        prov = u["credentials"]["provider"]
        fed = prov["type"] in ("SOCIAL", "FEDERATION")
        recs.append(Rec(id=u["id"], email=u["profile"].get("email"), verified=None,
                        pw_no_hash="password" in u["credentials"],
                        blocked=u["status"] in ("SUSPENDED", "LOCKED_OUT", "DEPROVISIONED"), mfa=None,
                        providers=[prov["name"]], federated=fed, last=u["lastLogin"] or "never",
                        custom=[k for k in u["profile"] if k not in OKTA_BASE]))
    return recs


# --- Clerk ---

def read_clerk_current(p: Path):
    recs = []
    for r in rd_csv_dicts(p):
        verified_list = [e for e in r["verified_email_addresses"].split(",") if e]
        recs.append(Rec(id=r["id"], email=r["primary_email_address"] or None,
                        verified=(r["primary_email_address"] in verified_list) if r["primary_email_address"] else None,
                        hash=classify(r["password_digest"]), blocked=None,
                        mfa={"totp"} if r["totp_secret"] else set(), totp_secret=bool(r["totp_secret"]),
                        providers=None, custom=None))
    return recs


def read_clerk_2024(p: Path):
    recs = []
    for r in rd_csv_dicts(p):
        custom = []
        for col in ("unsafe_metadata", "public_metadata", "private_metadata"):
            if r[col].strip():
                custom += [f"{col}.{k}" for k in json.loads(r[col])]
        recs.append(Rec(id=r["id"], email=r["email_addresses"].split(",")[0] or None, verified=None,
                        hash=classify(r["password_digest"]), mfa={"totp"} if r["totp_secret"] else set(),
                        totp_secret=bool(r["totp_secret"]), providers=None, custom=custom))
    return recs


def read_clerk_json(p: Path):
    recs = []
    for u in rd_json(p):
        mfa = {"totp"} if u["totp_secret"] else set()
        if u["mfa_enabled"] and not mfa:
            mfa = {"other"}
        if u.get("backup_codes"):
            mfa.add("recovery-codes")
        custom = [f"{c}.{k}" for c in ("unsafe_metadata", "public_metadata", "private_metadata") for k in u[c]]
        recs.append(Rec(id=u["id"], email=u["primary_email_address"], verified=None, hash=classify(u["password_digest"]),
                        mfa=mfa, totp_secret=bool(u["totp_secret"]), providers=None, custom=custom))
    return recs


# --- Supabase ---

SUPABASE_LOCAL = {"email", "phone"}
NOW_FOR_BANS = "2026-12-01"  # bans in the fixtures are 2023 (over) or 2999 (in force): any run date between works


def supabase_rec(r):
    app = r["raw_app_meta_data"] if isinstance(r["raw_app_meta_data"], dict) else json.loads(r["raw_app_meta_data"] or "{}")
    user = r["raw_user_meta_data"] if isinstance(r["raw_user_meta_data"], dict) else json.loads(r["raw_user_meta_data"] or "{}")
    provs = app.get("providers", [])
    fed = any(p not in SUPABASE_LOCAL for p in provs)
    banned = bool(r["banned_until"]) and r["banned_until"][:10] > NOW_FOR_BANS
    custom = [f"raw_user_meta_data.{k}" for k in user] + [f"raw_app_meta_data.{k}" for k in app if k not in ("provider", "providers")]
    return Rec(id=r["id"], email=r["email"] or None, verified=bool(r["email_confirmed_at"]) if r["email"] else None,
               hash=classify(r["encrypted_password"]), blocked=banned or bool(r["deleted_at"]), mfa=None,
               providers=provs, federated=fed,
               last=(r["last_sign_in_at"][:19].replace(" ", "T") + "Z") if r["last_sign_in_at"] else "never",
               custom=custom)


def read_supabase_csv(p: Path):
    raw = p.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    return [supabase_rec(r) for r in rd_csv_dicts(p, encoding="utf-8-sig")]


def read_supabase_json(p: Path):
    return [supabase_rec(r) for r in rd_json(p)]


def read_supabase_factors(p: Path):
    by_user = defaultdict(set)
    secrets = set()
    for r in rd_csv_dicts(p):
        if r["status"] != "verified":
            continue
        by_user[r["user_id"]].add({"totp": "totp", "phone": "sms", "webauthn": "webauthn"}[r["factor_type"]])
        if r["factor_type"] == "totp" and r["secret"]:
            secrets.add(r["user_id"])
    return by_user, secrets


# --- Stytch ---

def read_stytch_users(p: Path):
    recs = []
    for u in rd_json(p)["results"]:
        mfa = set()
        if u["totps"]:
            mfa.add("totp")
        if u["webauthn_registrations"]:
            mfa.add("webauthn")
        provs = [x["provider_type"] for x in u["providers"]]
        email = u["emails"][0] if u["emails"] else None
        custom = [f"trusted_metadata.{k}" for k in u["trusted_metadata"]] + [f"untrusted_metadata.{k}" for k in u["untrusted_metadata"]]
        recs.append(Rec(id=u["user_id"], email=email["email"] if email else None, verified=email["verified"] if email else None,
                        pw_no_hash=u["password"] is not None, mfa=mfa, providers=provs, federated=bool(provs),
                        custom=custom))
    return recs


def read_stytch_hashes(p: Path):
    lines = p.read_text().splitlines()
    start = lines.index("id,hash,salt,hash_method,project_id")
    params = {l.split(",")[0] for l in lines[:start]}
    assert "scryptCostParameter 1 << 15" in params
    rows = list(csv.DictReader(lines[start:]))
    for r in rows:
        assert re.fullmatch(r"[A-Za-z0-9_-]+=*", r["hash"]) and r["hash_method"] == "scrypt"
    return rows


# --- FusionAuth ---

def fa_hash(u):
    s = u.get("encryptionScheme")
    if not s or not u.get("password"):
        return None
    if s == "bcrypt":
        assert len(u["salt"]) == 22 and len(u["password"]) == 31
        return ("bcrypt", f"cost={u['factor']}", u["factor"])
    return {"salted-pbkdf2-hmac-sha256": ("pbkdf2-sha256", f"iterations={u['factor']}", None),
            "salted-sha256": ("sha256", f"iterations={u['factor']}", None)}[s]


def read_fusionauth(p: Path):
    recs = []
    for u in rd_json(p)["users"]:
        mfa = set()
        secret = False
        for m in u.get("twoFactor", {}).get("methods", []):
            mfa.add({"authenticator": "totp", "sms": "sms", "email": "email"}[m["method"]])
            secret |= m["method"] == "authenticator" and bool(m.get("secret"))
        recs.append(Rec(id=u["id"], email=u.get("email"), verified=u["verified"], hash=fa_hash(u), blocked=not u["active"],
                        mfa=mfa, totp_secret=secret, providers=None,
                        last=ms_iso(u["lastLoginInstant"]) if "lastLoginInstant" in u else "never",
                        custom=list(u.get("data", {})), tenants=[u["tenantId"]]))
    return recs


# --- Zitadel ---

def read_zitadel(p: Path):
    recs = []
    for org in rd_json(p)["orgs"]:
        for h in org.get("humanUsers", []):
            u = h["user"]
            idps = [i["configId"] for i in u.get("idps", [])]
            recs.append(Rec(id=h["userId"], email=u["email"]["email"], verified=u["email"]["isEmailVerified"],
                            hash=classify(u.get("hashedPassword", {}).get("value")),
                            mfa={"totp"} if u.get("otpCode") else set(), totp_secret=bool(u.get("otpCode")),
                            providers=idps, federated=bool(idps), orgs=[org["orgId"]]))
        for m in org.get("machineUsers", []):
            recs.append(Rec(id=m["userId"], service=True))
    return recs


# --- Ory ---

def read_ory(p: Path):
    recs = []
    for i in rd_json(p):
        c = i["credentials"]
        mfa = set()
        if "totp" in c:
            mfa.add("totp")
        if "webauthn" in c or "passkey" in c:
            mfa.add("webauthn")
        if "lookup_secret" in c:
            mfa.add("recovery-codes")
        provs = [x["provider"] for x in c.get("oidc", {}).get("config", {}).get("providers", [])]
        email = i["traits"].get("email")
        va = next((a for a in i["verifiable_addresses"] if a["value"] == email.lower()), None)
        custom = [f"metadata_public.{k}" for k in (i.get("metadata_public") or {})] + \
                 [f"metadata_admin.{k}" for k in (i.get("metadata_admin") or {})]
        recs.append(Rec(id=i["id"], email=email, verified=va["verified"] if va else None,
                        hash=classify(c.get("password", {}).get("config", {}).get("hashed_password")),
                        blocked=i["state"] != "active", mfa=mfa, totp_secret="totp" in c, providers=provs,
                        federated=bool(provs), custom=custom, orgs=[i["organization_id"]] if i["organization_id"] else []))
    return recs


# --- generic ---

def read_generic(name: str, p: Path):
    recs = []
    if name == "wordpress":
        for r in rd_csv_dicts(p):
            recs.append(Rec(id=r["ID"], email=r["user_email"], hash=classify(r["user_pass"]), providers=None))
    elif name == "django":
        for r in rd_csv_dicts(p):
            recs.append(Rec(id=r["id"], email=r["email"], hash=classify(r["password"]), blocked=r["is_active"] == "f",
                            providers=None, last=(r["last_login"][:19].replace(" ", "T") + "Z") if r["last_login"] else "never"))
    elif name == "aspnet":
        for r in rd_csv_dicts(p):
            locked = bool(r["LockoutEnd"]) and r["LockoutEnd"][:10] > NOW_FOR_BANS
            recs.append(Rec(id=r["Id"], email=r["Email"], verified=r["EmailConfirmed"] == "True", hash=classify(r["PasswordHash"]),
                            blocked=locked, mfa={"other"} if r["TwoFactorEnabled"] == "True" else set(), providers=None))
    elif name == "devise":
        for u in rd_json(p):
            provs = [u["provider"]] if u.get("provider") else []
            recs.append(Rec(id=str(u["id"]), email=u["email"], verified=u["confirmed_at"] is not None,
                            hash=classify(u["encrypted_password"]), blocked=u["locked_at"] is not None,
                            providers=provs, federated=bool(provs), last=u["current_sign_in_at"] or "never"))
    elif name == "ldap":
        for r in rd_csv_dicts(p):
            recs.append(Rec(id=r["uid"], email=r["mail"], hash=classify(r["userPassword"]), providers=None))
    return recs


# ---------------------------------------------------------------------------------------------------------------
# 3. the answer key
# ---------------------------------------------------------------------------------------------------------------

def status(observed, users):
    return "not-observable" if observed == 0 else "observed" if observed >= users else "partial"


def summarise(platform, files, recs, *, kind=None, notes=(), warnings=(), carries=(), extra=None):
    """carries: which of tenants/organizations/groups the format carries (others are null)."""
    people = [r for r in recs if not r.service]
    n = len(people)
    out = {"platform": platform, "files": files}
    if kind:
        out["kind"] = kind
    out["users"] = n
    out["serviceAccountsSkipped"] = sum(r.service for r in recs)

    # passwords
    pw_obs = [r for r in people if r.pw_observed]
    hashes = [r.hash for r in people if r.hash]
    schemes, costs, params = Counter(), Counter(), defaultdict(Counter)
    for s, prm, cost in hashes:
        schemes[s] += 1
        if cost is not None:
            costs[str(cost)] += 1
        if prm:
            params[s][prm] += 1
    out["withPassword"] = len(hashes) if hash_capable(platform, files) else None
    out["passwordWithoutHash"] = sum(r.pw_no_hash and not r.hash for r in people)
    out["schemes"] = dict(sorted(schemes.items(), key=lambda kv: (-kv[1], kv[0])))
    out["bcryptCost"] = dict(sorted(costs.items(), key=lambda kv: int(kv[0])))
    out["parameters"] = {s: dict(sorted(c.items())) for s, c in sorted(params.items())}

    # emails
    emails = Counter(r.email.strip().lower() for r in people if r.email and r.email.strip())
    dup = [e for e, c in emails.items() if c > 1]
    ver_obs = [r for r in people if r.verified is not None]
    out["emailVerified"] = sum(bool(r.verified) for r in ver_obs) if ver_obs else None
    out["duplicateEmails"] = len(dup)
    out["duplicateEmailUsers"] = sum(emails[e] for e in dup)
    out["withoutEmail"] = sum(1 for r in people if not (r.email and r.email.strip()))

    # ids
    ids = Counter(r.id for r in people if r.id)
    out["emptyIds"] = sum(1 for r in people if not r.id)
    out["duplicateIds"] = sum(1 for c in ids.values() if c > 1)

    # blocked
    bl = [r for r in people if r.blocked is not None]
    out["blocked"] = sum(bool(r.blocked) for r in bl) if bl else None

    # mfa
    mfa_obs = [r for r in people if r.mfa is not None]
    factors = Counter(f for r in mfa_obs for f in r.mfa)
    out["mfaUsers"] = sum(1 for r in mfa_obs if r.mfa) if mfa_obs else None
    out["mfa"] = dict(sorted(factors.items()))
    out["totpSecretsInFile"] = sum(r.totp_secret for r in people)

    # providers
    prov_obs = [r for r in people if r.providers is not None]
    provs = Counter(p for r in prov_obs for p in set(r.providers))
    out["providers"] = dict(sorted(provs.items(), key=lambda kv: (-kv[1], kv[0])))
    out["federatedUsers"] = sum(r.federated for r in people) if prov_obs else None

    # every user is exactly one of: password (hash in file or not), federated-only, neither
    def has_pw(r):
        return bool(r.hash) or r.pw_no_hash
    out["socialOnly"] = sum(1 for r in people if not has_pw(r) and r.federated) if prov_obs else None
    out["passwordless"] = sum(1 for r in people if not has_pw(r) and not r.federated)
    if not prov_obs:
        notes = list(notes) + ["This file names no identity providers, so socialOnly is null and every user without a "
                               "password counts as passwordless (their actual sign-in method is not in the file)."]

    # last sign-in
    ls_obs = [r for r in people if r.last != "unobserved"]
    out["lastSignInObserved"] = bool(ls_obs)
    if ls_obs:
        out["neverSignedIn"] = sum(1 for r in ls_obs if r.last == "never")
        out["lastSignInByYear"] = dict(sorted(Counter(r.last[:4] for r in ls_obs if r.last != "never").items()))
    else:
        out["neverSignedIn"] = None
        out["lastSignInByYear"] = {}

    # custom attributes
    cust_obs = [r for r in people if r.custom is not None]
    out["customAttributeKeys"] = sorted({k for r in cust_obs for k in r.custom})

    for key, attr in (("tenants", "tenants"), ("organizations", "orgs"), ("groups", "groups")):
        vals = [getattr(r, attr) for r in people if getattr(r, attr) is not None]
        out[key] = len({v for vs in vals for v in vs}) if key in carries else None

    out["observability"] = {
        "passwords": "observed" if n and hash_capable(platform, files) else "not-observable",
        "emailVerified": status(len(ver_obs), n - out["withoutEmail"]) if n else "not-observable",
        "blocked": status(len(bl), n),
        "mfa": status(len(mfa_obs), n),
        "lastSignIn": status(len(ls_obs), n),
        "providers": status(len(prov_obs), n),
        "customAttributes": status(len(cust_obs), n),
    }
    if extra:
        out.update(extra)
    assert out["passwordless"] + (out["socialOnly"] or 0) + sum(has_pw(r) for r in people) == n
    out["warnings"] = list(warnings)
    out["notes"] = list(notes)
    return out


def hash_capable(platform, files):
    """Whether the file(s) can carry password hashes at all (withPassword null otherwise)."""
    names = " ".join(files)
    if platform == "auth0":
        return "password-hashes" in names
    if platform == "stytch":
        return "hashes.csv" in names
    if platform in ("cognito", "entra", "okta"):
        return False
    return True


def write_key(path: Path, key: dict):
    write(path, json.dumps(key, indent=2, ensure_ascii=False) + "\n")


COMMON_NOTES = {
    "auth0": "Auth0 export job: hashes are never in it; database-connection users count in passwordWithoutHash. "
             "providers are Auth0 connection names, database and passwordless connections included; "
             "federatedUsers/socialOnly count social and enterprise (samlp) identities. "
             "MFA comes only from the legacy 'multifactor' field, present only on enrolled users "
             "(google-authenticator = totp, guardian = push), so mfa is a lower bound.",
}


def keys_auth0():
    d = ROOT / "auth0"
    nd = read_auth0_ndjson((d / "users.ndjson").read_text())
    gz = read_auth0_ndjson(gzip.decompress((d / "users.ndjson.gz").read_bytes()).decode())
    notes = [COMMON_NOTES["auth0"],
             "blocked is set only on the blocked user (Auth0 omits the attribute otherwise): absent is read as false.",
             "The database user 'auth0|legacy-000187' has a custom id (imported with alt_id); the hash export carries it as alt_id.",
             "Priya.Nair@example.com (google-oauth2) and priya.nair@example.com (database) are one duplicate email.",
             "The sms| user has no email: withoutEmail 1; emailVerified counts only users with an email.",
             "customAttributeKeys are user_metadata.* and app_metadata.* top-level keys.",
             "The PII marker (see README.md) is planted in one user's email local part, name, phone_number and app_metadata.legacy_totp_seed; "
             "it must never appear in any output (the key name legacy_totp_seed may)."]
    k = summarise("auth0", ["users.ndjson"], nd, kind="auth0-export-json", notes=notes, carries=(),
                  warnings=["passwords-not-in-export"])
    write_key(d / "users.ndjson.expected.json", k)
    kg = summarise("auth0", ["users.ndjson.gz"], gz, kind="auth0-export-json", notes=notes + ["Same content as users.ndjson, gzipped."],
                   carries=(), warnings=["passwords-not-in-export"])
    assert {x: y for x, y in kg.items() if x not in ("files", "notes")} == {x: y for x, y in k.items() if x not in ("files", "notes")}
    write_key(d / "users.ndjson.gz.expected.json", kg)

    cs = read_auth0_csv(d / "users.csv")
    write_key(d / "users.csv.expected.json", summarise(
        "auth0", ["users.csv"], cs, kind="auth0-export-csv", carries=(), warnings=["passwords-not-in-export"],
        notes=[COMMON_NOTES["auth0"].split(" MFA")[0],
               "The CSV has identities[0] only (columns connection, provider): Lena Fischer's linked google-oauth2 "
               "identity is not visible, so google-oauth2 counts 1 here against 2 in users.ndjson.",
               "No multifactor column was exported: mfa is not observable (mfaUsers null).",
               "blocked is empty for users never blocked: read as false.",
               "Users without last_login (never signed in) have logins_count 0.",
               "customAttributeKeys are the metadata column names (CSV exports name each metadata field)."]))

    hs = read_auth0_hashes(d / "password-hashes.ndjson")
    write_key(d / "password-hashes.ndjson.expected.json", summarise(
        "auth0", ["password-hashes.ndjson"], hs, kind="auth0-password-hashes", carries=("tenants",),
        notes=["One record per database user with a password; last record (former.employee@example.com) is in no users file.",
               "One record (ming.zhao@example.com) has no root email/email_verified: read them from identifiers[].",
               "One record uses alt_id (user_id auth0|legacy-000187) and bcrypt cost 12; the others cost 10.",
               "providers here is the connection field; no sign-in dates, MFA or metadata in this file."]))

    # the join: hash records to export-job users by email (case-insensitive), only database-connection users
    by_email = {r.email.lower(): r for r in hs}
    joined, matched = [], 0
    for r in nd:
        h = by_email.get(r.email.lower()) if r.email and r.pw_no_hash else None
        if h:
            r.hash, matched = h.hash, matched + 1
        joined.append(r)
    unmatched = len(hs) - matched
    write_key(d / "users+password-hashes.expected.json", summarise(
        "auth0", ["users.ndjson", "password-hashes.ndjson"], joined, kind="auth0-export-json + auth0-password-hashes",
        carries=(), warnings=["unmatched-password-records"],
        extra={"unmatchedHashRecords": unmatched},
        notes=[COMMON_NOTES["auth0"].split(" MFA")[0],
               "Joined by email, lower-cased, onto users with a database identity. Priya.Nair@example.com "
               "(google-oauth2) must not take priya.nair@example.com's hash: the join matches 7 records either way "
               "because each hash record is counted once.",
               f"{unmatched} hash record (former.employee@example.com) matches no user: warning unmatched-password-records.",
               "Every database user of users.ndjson has a hash record, so passwordWithoutHash is 0 after the join."]))


def keys_firebase():
    d = ROOT / "firebase"
    base_notes = [
        "Every exported passwordHash is the project's default (modified) scrypt: the CLI drops hash and salt "
        "of users hashed otherwise (version != 0), so those look passwordless (legacy.import@example.com stands for one).",
        "providerUserInfo keeps only google.com, facebook.com, twitter.com, github.com; 'password' and 'phone' "
        "entries and Apple/Microsoft/SAML/OIDC are dropped. hidden.relay.8841@example.org (an Apple user in reality) "
        "and the phone-only user therefore count as passwordless; providers is a lower bound.",
        "Sam.Lee@example.org (google.com) and sam.lee@example.org (password) are one duplicate email.",
        "aiko.tanaka@example.com never signed in (no lastSignedInAt); dates are epoch-millisecond strings.",
        "customAttributeKeys are the keys of the customAttributes JSON string.",
    ]
    js = read_firebase_json(d / "users.json")
    write_key(d / "users.json.expected.json", summarise(
        "firebase", ["users.json"], js, kind="firebase-cli-json", carries=(),
        warnings=["mfa-partial", "providers-lower-bound"],
        notes=base_notes + ["mfaInfo is present on two users (phoneInfo = sms, totpInfo = totp); a missing mfaInfo "
                            "means unknown (older CLIs dropped it), so mfa is partial and a lower bound."]))
    cs = read_firebase_csv(d / "users.csv")
    write_key(d / "users.csv.expected.json", summarise(
        "firebase", ["users.csv"], cs, kind="firebase-cli-csv", carries=(),
        warnings=["mfa-not-observable", "providers-lower-bound"],
        notes=base_notes + ["Same users as users.json. Header-less, 28 columns plus a trailing comma (29 fields); "
                            "'Rossi, Maria' is a quoted displayName; customAttributes is a quoted JSON cell with doubled quotes.",
                            "The CSV has no MFA column: mfa not observable."]))
    cfg = (d / "hash-config.txt").read_text()
    parsed = dict(re.findall(r"^\s*(\w+): ([^,\n]+),?$", cfg, re.M))
    hc = {"algorithm": parsed["algorithm"], "rounds": int(parsed["rounds"]), "memCost": int(parsed["mem_cost"]),
          "saltSeparatorPresent": bool(parsed["base64_salt_separator"]), "signerKeyPresent": len(parsed["base64_signer_key"]) == 88}
    write_key(d / "hash-config.txt.expected.json", {
        "platform": "firebase", "files": ["hash-config.txt"], "kind": "firebase-hash-config", "users": 0,
        "hashConfig": hc, "warnings": ["no-users"],
        "notes": ["Project-level scrypt parameters as the console shows them; holds no users. The signer key is a "
                  "secret: report only that it is present, never its value."]})
    k = summarise("firebase", ["users.json", "hash-config.txt"], js, kind="firebase-cli-json + firebase-hash-config",
                  carries=(), warnings=["mfa-partial", "providers-lower-bound"],
                  extra={"hashConfig": hc},
                  notes=base_notes + ["With the hash config the firebase-scrypt hashes become re-encodable "
                                      "(rounds 8, mem_cost 14)."])
    write_key(d / "users.json+hash-config.expected.json", k)


def keys_cognito():
    d = ROOT / "cognito"
    notes = ["No password hashes ever (ListUsers): non-EXTERNAL_PROVIDER users count in passwordWithoutHash.",
             "providers: external users only, named by the identities attribute's providerName (else the username "
             "prefix before '_'; some pools write it lower-case, e.g. google_…).",
             "MFAOptions shows SMS only and is deprecated: mfa is a lower bound (AdminGetUser has the real settings).",
             "UserStatus UNCONFIRMED/FORCE_CHANGE_PASSWORD/RESET_REQUIRED are not blocked; Enabled false is.",
             "No last sign-in field in UserType. Timestamps are the AWS CLI v2 ISO form (the raw API gives epoch seconds).",
             "Hannah.Becker@example.com (Google) and hannah.becker@example.com (native) are one duplicate email.",
             "id is the sub attribute."]
    p1, p2 = d / "list-users-page1.json", d / "list-users-page2.json"
    both = read_cognito_pages([p1, p2])
    write_key(d / "list-users.expected.json", summarise(
        "cognito", ["list-users-page1.json", "list-users-page2.json"], both, kind="cognito-list-users", carries=(),
        warnings=["passwords-not-in-export", "mfa-understated", "last-sign-in-not-observable"], notes=notes))
    one = read_cognito_pages([p1])
    write_key(d / "list-users-page1.expected.json", summarise(
        "cognito", ["list-users-page1.json"], one, kind="cognito-list-users", carries=(),
        warnings=["pagination-incomplete", "passwords-not-in-export", "mfa-understated", "last-sign-in-not-observable"],
        notes=notes + ["Page 1 alone: it carries a PaginationToken, so the export is incomplete."]))
    ic = read_cognito_csv(d / "import.csv")
    write_key(d / "import.csv.expected.json", summarise(
        "cognito", ["import.csv"], ic, kind="cognito-import-csv", carries=(),
        notes=["A user-import CSV (GetCSVHeader columns): it carries no credentials, so every user is passwordless "
               "here (imported users get RESET_REQUIRED).",
               "cognito:mfa_enabled TRUE requires phone_number in an import: counted as sms.",
               "One row has an empty cognito:username (emptyIds 1).",
               "Rosa.Lind@example.com / rosa.lind@example.com are one duplicate email.",
               "customAttributeKeys: custom:* columns with a value in at least one row."]))


def keys_keycloak():
    d = ROOT / "keycloak"
    notes = ["Service accounts (serviceAccountClientLink) are skipped from users.",
             "Schemes from credentialData.algorithm: pbkdf2-sha256 (27500 iterations), argon2 with additionalParameters "
             "type id = argon2id; 'pbkdf2' without suffix = pbkdf2-sha1.",
             "mfa: otp credentials = totp (their secretData is a portable TOTP secret: totpSecretsInFile); webauthn and "
             "webauthn-passwordless = webauthn (the passkey-only user counts as passwordless and under mfa.webauthn).",
             "providers: federatedIdentities[].identityProvider. A user with federationLink (LDAP user storage) has a "
             "password kept in LDAP: passwordWithoutHash, not passwordless.",
             "A user with only requiredActions (CONFIGURE_TOTP, UPDATE_PASSWORD) and no credentials is passwordless.",
             "Keycloak exports carry no last sign-in. groups = distinct group paths users belong to; tenants = realms.",
             "customAttributeKeys: keys of attributes{} (including LDAP_ID / LDAP_ENTRY_DN of the LDAP-linked user)."]
    realm = rd_json(d / "realm-export.json")
    recs = read_keycloak_users(realm["users"], realm["realm"])
    write_key(d / "realm-export.json.expected.json", summarise(
        "keycloak", ["realm-export.json"], recs, kind="keycloak-realm", carries=("tenants", "groups"), notes=notes
        + ["Bob.Nguyen@example.com / bob.nguyen@example.com: one duplicate email (the realm allows duplicates).",
           "The realm defines 4 groups (/staff, /staff/engineering, /staff/support, /customers); users are in 3."],
        extra={"groupsDefined": 4}))
    split = d / "split"
    recs = []
    for f in ("myrealm-users-0.json", "myrealm-users-1.json"):
        doc = rd_json(split / f)
        recs += read_keycloak_users(doc["users"], doc["realm"])
    write_key(d / "split.expected.json", summarise(
        "keycloak", ["split/myrealm-realm.json", "split/myrealm-users-0.json", "split/myrealm-users-1.json"], recs,
        kind="keycloak-realm + keycloak-users", carries=("tenants", "groups"),
        notes=notes + ["kc.sh export --dir layout: the realm file has no users key; users are in two users-N files.",
                       "Jane.Doe@example.com / jane.doe@example.com across the two users files: one duplicate email."]))
    for name, path in (("split/myrealm-realm.json", split / "myrealm-realm.json"), ("realm-no-users.json", d / "realm-no-users.json")):
        realm = rd_json(path)
        assert "users" not in realm
        key = summarise("keycloak", [name], [], kind="keycloak-realm", carries=("tenants", "groups"),
                        warnings=["realm-without-users", "no-users"],
                        notes=["A realm file with no users key: the users are in other files (kc.sh export --dir) or were "
                               "never exported (admin console partial export). Importing it alone gives zero users silently."])
        key["tenants"] = 1
        key["withPassword"] = None
        key["groups"] = None
        key["groupsDefined"] = 4
        out = d / (name.replace("/", "/") + ".expected.json")
        write_key(out, key)


def keys_entra():
    d = ROOT / "entra"
    notes = ["Graph never exports hashes: local accounts (signInType emailAddress/userName) and directory members "
             "with only a userPrincipalName identity count in passwordWithoutHash.",
             "Every B2C user also has a userPrincipalName identity: it is not a provider. providers = issuer of "
             "federated identities; a user with both a local and a federated identity has a password.",
             "email = mail, else the emailAddress identity, else otherMails[0]. No verification flag: emailVerified null.",
             "last sign-in = signInActivity.lastSuccessfulSignInDateTime. signInActivity null = never; a user with "
             "only a failed lastSignInDateTime (Sipho Dlamini) never signed in successfully.",
             "customAttributeKeys: extension_<appId>_<name> properties present on any user.",
             "MFA is not on the user object (authentication methods API): not observable."]
    recs, nxt = read_entra(d / "users.json")
    assert nxt is None
    write_key(d / "users.json.expected.json", summarise(
        "entra", ["users.json"], recs, kind="entra-graph-users", carries=(),
        warnings=["passwords-not-in-export", "mfa-not-observable"],
        notes=notes + ["Noah.Schmidt@example.com (local) and noah.schmidt@example.com (google.com) are one duplicate email."]))
    recs, nxt = read_entra(d / "users-page1.json")
    assert nxt
    write_key(d / "users-page1.json.expected.json", summarise(
        "entra", ["users-page1.json"], recs, kind="entra-graph-users", carries=(),
        warnings=["pagination-incomplete", "passwords-not-in-export", "mfa-not-observable"],
        notes=notes + ["The page has @odata.nextLink and the next page is missing: incomplete export.",
                       "uri.levi@example.com / URI.LEVI@example.com: one duplicate email."]))


def keys_okta():
    d = ROOT / "okta"
    write_key(d / "users.json.expected.json", summarise(
        "okta", ["users.json"], read_okta(d / "users.json"), kind="okta-users", carries=(),
        warnings=["passwords-not-in-export", "mfa-not-observable"],
        notes=["Okta never returns hashes: credentials.password {} present = passwordWithoutHash.",
               "providers = credentials.provider.name for every user (OKTA for local ones); federated = type SOCIAL or FEDERATION.",
               "blocked = status SUSPENDED, LOCKED_OUT or DEPROVISIONED. STAGED and PROVISIONED users (not activated, "
               "no password yet, lastLogin null) are passwordless and never signed in. PASSWORD_EXPIRED is not blocked.",
               "No email verification flag in the Users API: emailVerified null. MFA needs the Factors API.",
               "customAttributeKeys: profile keys outside Okta's base profile (employeeNumber and department are base).",
               "yara.haddad@example.com / Yara.Haddad@example.com: one duplicate email."]))


def keys_clerk():
    d = ROOT / "clerk"
    common = ["Clerk exports carry no last sign-in, social accounts, bans or organizations.",
              "A user with password_hasher bcrypt but an empty password_digest has no password."]
    write_key(d / "users-current.csv.expected.json", summarise(
        "clerk", ["users-current.csv"], read_clerk_current(d / "users-current.csv"), kind="clerk-csv", carries=(),
        notes=common + ["Current column set: no metadata columns (customAttributeKeys empty, not observable).",
                        "emailVerified: the primary address is in verified_email_addresses (a comma-separated list in one cell).",
                        "totp_secret non-empty = totp, and the secret is in the file (totpSecretsInFile).",
                        "One user has bcrypt cost 11; ben.carter@example.org / Ben.Carter@example.org: one duplicate email.",
                        "The PII marker (see README.md) is planted in one user's email local part, last_name, primary/verified phone and "
                        "totp_secret; it must never appear in any output."]))
    write_key(d / "users-2024.csv.expected.json", summarise(
        "clerk", ["users-2024.csv"], read_clerk_2024(d / "users-2024.csv"), kind="clerk-csv-2024", carries=(),
        notes=common + ["Older column set: email_addresses without verification state (emailVerified null); "
                        "unsafe_/public_/private_metadata JSON cells give customAttributeKeys as <column>.<key> (an empty "
                        "cell is no metadata). One row has an empty id. ivy.chen / IVY.CHEN: one duplicate email."]))
    write_key(d / "users.json.expected.json", summarise(
        "clerk", ["users.json"], read_clerk_json(d / "users.json"), kind="clerk-json", carries=(),
        notes=common + ["JSON shape: mfa_enabled true without a totp_secret counts under mfa 'other'; backup_codes under "
                        "'recovery-codes'. No verification state: emailVerified null. paula.reyes / Paula.Reyes: one "
                        "duplicate email. One user has no email at all."]))


def keys_supabase(ids):
    d = ROOT / "supabase"
    notes = ["CSV starts with a UTF-8 BOM; every cell is quoted; raw_*_meta_data are JSON with doubled quotes.",
             "Password = non-empty encrypted_password (bcrypt $2a$10$). providers = raw_app_meta_data.providers "
             "(email and phone are local methods: not federated).",
             "emailVerified = email_confirmed_at set. blocked = banned_until in the future (2999; one ban ended in 2023 "
             "and does not count) or deleted_at set (the soft-deleted user is still counted as a user).",
             "customAttributeKeys: raw_user_meta_data.* keys and raw_app_meta_data.* keys other than provider/providers.",
             "*_token columns are secrets: never output. lucas.meyer / Lucas.Meyer: one duplicate email. The phone-only "
             "user has no email.",
             "auth.users carries no MFA: add mfa-factors.csv."]
    marker_note = ("The PII marker (see README.md) is planted in one user's email local part, raw_user_meta_data.full_name, phone, "
                   "recovery_token and reauthentication_token; it must never appear in any output.")
    csvr = read_supabase_csv(d / "auth-users.csv")
    write_key(d / "auth-users.csv.expected.json", summarise(
        "supabase", ["auth-users.csv"], csvr, kind="supabase-auth-users-csv", carries=(), notes=notes + [marker_note]))
    write_key(d / "auth-users.json.expected.json", summarise(
        "supabase", ["auth-users.json"], read_supabase_json(d / "auth-users.json"), kind="supabase-auth-users-json",
        carries=(), notes=notes[1:] + ["JSON rows: jsonb columns are objects, empty values null (one social user has "
                                       "encrypted_password \"\" and the magic-link user null)."]))
    by_user, secrets = read_supabase_factors(d / "mfa-factors.csv")
    rows = rd_csv_dicts(d / "mfa-factors.csv")
    orphan = sum(1 for u in {r["user_id"] for r in rows} if u not in ids)
    write_key(d / "mfa-factors.csv.expected.json", {
        "platform": "supabase", "files": ["mfa-factors.csv"], "kind": "supabase-mfa-factors", "users": 0,
        "factorRows": len(rows), "verifiedFactorUsers": len(by_user),
        "mfa": dict(sorted(Counter(f for fs in by_user.values() for f in fs).items())),
        "totpSecretsInFile": len(secrets), "warnings": ["no-users"],
        "notes": ["auth.mfa_factors alone: no users. Only status 'verified' factors count; factor_type phone = sms.",
                  "secret is a live TOTP seed: never output."]})
    for r in csvr:
        r.mfa = by_user.get(r.id, set())
        r.totp_secret = r.id in secrets
    write_key(d / "auth-users+mfa-factors.expected.json", summarise(
        "supabase", ["auth-users.csv", "mfa-factors.csv"], csvr, kind="supabase-auth-users-csv + supabase-mfa-factors",
        carries=(), warnings=["unmatched-mfa-records"], extra={"unmatchedMfaRecords": orphan},
        notes=notes[:-1] + [marker_note, "Joined by user_id: the unverified totp factor does not count; one verified "
                            "factor belongs to no user in auth-users.csv (warning unmatched-mfa-records)."]))


def keys_stytch():
    d = ROOT / "stytch"
    users = read_stytch_users(d / "users.json")
    notes = ["Search Users shape {results:[…]}: password {password_id, requires_reset} = a password whose hash is only "
             "in the support hash export (passwordWithoutHash); password null = no password.",
             "providers = providers[].provider_type; mfa = totps[] (totp, secret not exported) and "
             "webauthn_registrations[] (webauthn).",
             "No last sign-in and no blocked state in the user object; status 'pending' is not blocked.",
             "emailVerified = emails[0].verified; amara.obi / Amara.Obi: one duplicate email; the phone-only user has no email.",
             "customAttributeKeys: trusted_metadata.* and untrusted_metadata.* keys."]
    write_key(d / "users.json.expected.json", summarise("stytch", ["users.json"], users, kind="stytch-users", carries=(),
                                                        warnings=["passwords-not-in-export"], notes=notes))
    rows = read_stytch_hashes(d / "hashes.csv")
    hrecs = [Rec(id=r["id"], hash=("scrypt", "N=2^15,r=8,p=1", None), providers=None) for r in rows]
    write_key(d / "hashes.csv.expected.json", summarise(
        "stytch", ["hashes.csv"], hrecs, kind="stytch-hashes", carries=(),
        notes=["Support hash export after decryption: 6 preamble lines (scrypt parameters N = 1 << 15, r 8, p 1, "
               "key length 32; 'Paramenter' is Stytch's spelling) before the header id,hash,salt,hash_method,project_id.",
               "hash and salt are URL-safe base64 (- and _). Rows hold ids only: no emails."]))
    by_id = {r["id"] for r in rows}
    for u in users:
        if u.id in by_id:
            u.hash = ("scrypt", "N=2^15,r=8,p=1", None)
    write_key(d / "users+hashes.expected.json", summarise(
        "stytch", ["users.json", "hashes.csv"], users, kind="stytch-users + stytch-hashes", carries=(),
        extra={"unmatchedHashRecords": sum(1 for i in by_id if i not in {u.id for u in users})},
        notes=notes[1:] + ["Joined by user_id: every user with a password object has a hash row."]))


def keys_fusionauth():
    d = ROOT / "fusionauth"
    recs = read_fusionauth(d / "users.json")
    apps = {r["applicationId"] for u in rd_json(d / "users.json")["users"] for r in u["registrations"]}
    write_key(d / "users.json.expected.json", summarise(
        "fusionauth", ["users.json"], recs, kind="fusionauth-users", carries=("tenants",), extra={"applications": len(apps)},
        notes=["encryptionScheme bcrypt with the hash split: factor = cost, salt 22 chars, password 31 chars.",
               "salted-pbkdf2-hmac-sha256 factor 24000 = pbkdf2-sha256 iterations=24000; salted-sha256 factor 20000 = sha256.",
               "A user with no password/encryptionScheme is passwordless. FusionAuth identity-provider links are a "
               "separate API: providers not observable (socialOnly null).",
               "twoFactor.methods: authenticator = totp (its secret is in the file), email = email, sms = sms.",
               "blocked = active false. lastLoginInstant is epoch ms; absent = never.",
               "tenants = distinct tenantId; applications = distinct registrations[].applicationId.",
               "hana.novak / Hana.Novak (different tenants): one duplicate email, compared across the whole file."]))


def keys_zitadel():
    d = ROOT / "zitadel"
    write_key(d / "export.json.expected.json", summarise(
        "zitadel", ["export.json"], read_zitadel(d / "export.json"), kind="zitadel-export", carries=("organizations",),
        notes=["orgs[].humanUsers[] are users; orgs[].machineUsers[] are service accounts (skipped).",
               "hashedPassword.value: bcrypt or argon2id; otpCode = totp with its secret in the file.",
               "requestPasswordlessRegistration with no hash = passwordless; idps[] = federated, named by configId.",
               "No last sign-in, blocked state or metadata in the export.",
               "omar.farouk (Example Retail) and Omar.Farouk (Example Wholesale): one duplicate email across orgs."]))


def keys_ory():
    d = ROOT / "ory"
    write_key(d / "identities.json.expected.json", summarise(
        "ory", ["identities.json"], read_ory(d / "identities.json"), kind="ory-identities", carries=("organizations",),
        notes=["credentials.password.config.hashed_password: argon2id PHC or bcrypt.",
               "credentials.totp = totp (totp_url holds the secret: totpSecretsInFile); webauthn = webauthn (the "
               "is_passwordless one is also passwordless); lookup_secret = recovery-codes; code-only = passwordless.",
               "providers = credentials.oidc.config.providers[].provider.",
               "blocked = state inactive. emailVerified from verifiable_addresses for traits.email. No last sign-in.",
               "organizations = distinct non-null organization_id.",
               "customAttributeKeys: metadata_public.* and metadata_admin.* keys (traits are the schema, not custom).",
               "ana.silva / Ana.Silva: one duplicate email."]))


def keys_generic():
    d = ROOT / "generic"
    notes = {
        "wordpress": ["wp_users columns; user_pass $P$B… = phpass (2^13 iterations). No verification, block or sign-in "
                      "data. One row has an empty ID; julia.brown / Julia.Brown: one duplicate email."],
        "django": ["auth_user via psql COPY CSV: booleans t/f, timestamps with +00. pbkdf2_sha256 720000 (Django 5.0) and "
                   "600000 (4.2); argon2$argon2id$ = argon2id; bcrypt_sha256$$2b$12$ = bcrypt cost 12 with a SHA-256 pre-hash "
                   "(the wrapper matters for destinations). A password starting with '!' is unusable = no password.",
                   "blocked = is_active f. last_login empty = never. nora.lind / NORA.LIND: one duplicate email."],
        "aspnet": ["AspNetUsers, CRLF line ends. PasswordHash: v2 (0x00 + salt + subkey, 68 chars, PBKDF2-HMAC-SHA1 1000) "
                   "= pbkdf2-sha1; v3 AQAAAAEAACcQ… = pbkdf2-sha256 10000; AQAAAAIAAYag… = pbkdf2-sha512 100000. "
                   "Empty PasswordHash = external login only (AspNetUserLogins is another table): passwordless here.",
                   "TwoFactorEnabled True = mfa 'other' (the factor is not in this table). blocked = LockoutEnd in the "
                   "future (2999); a past LockoutEnd (2023) is not blocked. vic.hale / Vic.Hale: one duplicate email."],
        "devise": ["Rails Devise users as JSON: encrypted_password $2a$11$ = bcrypt cost 11; empty = omniauth-only "
                   "(provider/uid google_oauth2 = federated). emailVerified = confirmed_at set; blocked = locked_at set; "
                   "last sign-in = current_sign_in_at. abe.lincoln / Abe.Lincoln: one duplicate email."],
        "ldap": ["userPassword: {SSHA} = ssha, {SHA} = ldap (unsalted SHA-1 in RFC 2307 form, base64 of 20 bytes; the "
                 "vocabulary's 'ldap' covers the unsalted {SHA}/{MD5}/{SHA256} family), {CRYPT}$6$ = sha512-crypt "
                 "(rounds 5000). An empty userPassword = no password. uid ejones appears twice (duplicateIds 1) with "
                 "different mails; emma.jones@ / Emma.Jones@ is one duplicate email."],
    }
    for name, fname in (("wordpress", "wordpress.csv"), ("django", "django.csv"), ("aspnet", "aspnet.csv"),
                        ("devise", "devise.json"), ("ldap", "ldap.csv")):
        recs = read_generic(name, d / fname)
        write_key(d / f"{fname}.expected.json", summarise(
            "generic", [fname], recs, kind=f"generic-{name}", carries=(), extra={"sourceHint": name},
            notes=notes[name]))


# ---------------------------------------------------------------------------------------------------------------
# 4. self-check
# ---------------------------------------------------------------------------------------------------------------

def self_check():
    # every marker file holds the marker in all four kinds of field
    nd = (ROOT / "auth0" / "users.ndjson").read_text()
    u = next(json.loads(l) for l in nd.splitlines() if MARKER in l)
    assert MARKER in u["email"].split("@")[0] and MARKER in u["name"] and MARKER in u["phone_number"] \
        and MARKER in u["app_metadata"]["legacy_totp_seed"]
    row = next(r for r in rd_csv_dicts(ROOT / "clerk" / "users-current.csv") if MARKER in r["primary_email_address"])
    assert MARKER in row["last_name"] and MARKER in row["primary_phone_number"] and MARKER in row["totp_secret"]
    row = next(r for r in rd_csv_dicts(ROOT / "supabase" / "auth-users.csv", "utf-8-sig") if MARKER in (r["email"] or ""))
    assert MARKER in row["raw_user_meta_data"] and MARKER in row["phone"] and MARKER in row["reauthentication_token"]
    # gzip
    assert gzip.decompress((ROOT / "auth0" / "users.ndjson.gz").read_bytes()).decode() == nd
    try:
        gzip.decompress((ROOT / "bad" / "truncated.ndjson.gz").read_bytes())
        raise AssertionError("truncated gzip decompressed")
    except EOFError:
        pass
    # bad files really are bad
    for bad in ("invalid.json", "empty.json"):
        try:
            json.loads((ROOT / "bad" / bad).read_text())
            raise AssertionError(bad + " parsed")
        except json.JSONDecodeError as e:
            if bad == "invalid.json":
                assert e.lineno == 9, e.lineno
    # hash shapes
    for line in (ROOT / "auth0" / "password-hashes.ndjson").read_text().splitlines():
        assert re.fullmatch(r"\$2b\$1[02]\$[./A-Za-z0-9]{53}", json.loads(line)["passwordHash"])
    for u in rd_json(ROOT / "firebase" / "users.json")["users"]:
        if "passwordHash" in u:
            assert len(u["passwordHash"]) == 88 and len(u["salt"]) == 16
    for r in rd_csv_dicts(ROOT / "generic" / "wordpress.csv"):
        assert len(r["user_pass"]) == 34 and r["user_pass"].startswith("$P$B")
    for r in rd_csv_dicts(ROOT / "generic" / "aspnet.csv"):
        h = r["PasswordHash"]
        assert not h or (h.startswith("A") and (len(h) == 68 or h.startswith(("AQAAAAEAACcQ", "AQAAAAIAAYag"))))
    # every fixture directory file (bar bad/) has an answer key naming it
    covered = set()
    for k in ROOT.rglob("*.expected.json"):
        for f in json.loads(k.read_text())["files"]:
            covered.add((k.parent / f).resolve())
    for f in ROOT.rglob("*"):
        if f.is_file() and "bad" not in f.relative_to(ROOT).parts and not f.name.endswith((".expected.json", ".py", ".md")):
            assert f.resolve() in covered, f"no answer key covers {f}"
    # no real-looking addresses
    for f in ROOT.rglob("*"):
        if f.is_file() and f.suffix in (".json", ".csv", ".ndjson") and "bad" not in f.parts:
            for e in re.findall(r"[\w.+-]+@([\w-]+(?:\.[\w-]+)+)", f.read_text(encoding="utf-8-sig")):
                assert e in ("example.com", "example.org", "examplecorpb2c.onmicrosoft.com"), (f, e)


def main():
    gen_auth0()
    gen_firebase()
    gen_cognito()
    gen_keycloak()
    gen_entra()
    gen_okta()
    gen_clerk()
    supabase_ids = gen_supabase()
    gen_stytch()
    gen_fusionauth()
    gen_zitadel()
    gen_ory()
    gen_generic()
    gen_bad()
    keys_auth0()
    keys_firebase()
    keys_cognito()
    keys_keycloak()
    keys_entra()
    keys_okta()
    keys_clerk()
    keys_supabase(supabase_ids)
    keys_stytch()
    keys_fusionauth()
    keys_zitadel()
    keys_ory()
    keys_generic()
    self_check()
    print("fixtures and answer keys written under", ROOT)


if __name__ == "__main__":
    main()
