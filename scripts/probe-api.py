#!/usr/bin/env python3
"""An outside probe of `rebatch serve` (SPEC 8), standard library only.

It holds what an operator holds — the base URL, the configured HS256 secret and a balances CSV written by
`rebatch export balances` — mints its own tokens, and checks that
  * no endpoint answers 2xx without a valid token (no token, a bad signature, alg none/HS512/RS256, an embedded
    key, expired, no exp, nbf ahead, a sub that is no user id, a missing or wrong scope, the token in the query
    string, ...), only /actuator/health does;
  * user A can neither read nor change user B's data: guessed paths (/api/v1/users/B/balance, `..`, `%2e%2e`,
    `;`, `//`, upper case, trailing slashes), ?user_id= parameters, X-User-Id headers, other methods, actuator
    endpoints, /h2-console, withdrawal bodies naming B, forged and spliced rebate cursors;
  * the balances it reads over REST equal the CLI export, user by user (every user or --sample N of them);
  * error answers carry no stack trace and 5xx never happens on bad input.
Prints one line per check, `PASS|FAIL|WARN|INFO|SKIP <check>: ...`, and exits 1 if any check FAILs (0 otherwise;
2 on bad usage or when the server cannot be reached). WARN and INFO are observations, not findings.

Against the demo (`./rebatch demo` leaves its database in data/demo.mv.db and its CSV exports in demo/out/):

    ./rebatch demo                                              # once; ~1-2 min
    export REBATCH_API_JWT_SECRET=$(python3 -c 'import secrets; print(secrets.token_urlsafe(48))')
    ./rebatch --db "jdbc:h2:file:$PWD/data/demo" serve --port 8080 &     # holds the H2 file while it runs
    scripts/probe-api.py --base-url http://127.0.0.1:8080 --balances demo/out/balances.csv \\
        --withdrawals demo/out/withdrawals.csv --lines demo/out/lines.csv
    kill %1

(A fresh `./rebatch --db "jdbc:h2:file:$PWD/data/demo" export balances --out b.csv` while no server runs gives the
same CSV.) Read-only unless --writes: then it also makes real withdrawals of 1.00 yuan (the rules' minimum) for two
users to test Idempotency-Key replays across users, so run that last, on a copy.

Options:
  --base-url URL        the server (default http://127.0.0.1:8080)
  --balances CSV        `rebatch export balances` output: user_id,pending_fen,available_fen,withdrawing_fen,paid_fen
  --withdrawals CSV     `rebatch export withdrawals` output (optional): withdrawal ids per user, for isolation checks
  --lines CSV           `rebatch export lines` output (optional): each BUYER rebate record's line must be the caller's
  --sample N            compare N random users of the CSV (default 0 = every user)
  --secret-env NAME     environment variable with the secret (default REBATCH_API_JWT_SECRET)
  --no-read-model-check do not require rebate records for users with pending money (synthetic data sets)
  --writes              also run the checks that create withdrawals (see above)
  --verbose             print every case, not only the failing ones
"""
import argparse
import base64
import csv
import hashlib
import hmac
import http.client
import json
import os
import random
import sys
import time
import urllib.parse

# ---------------------------------------------------------------------------------------------------------------
# Tokens


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64url_decode(s: str) -> bytes:
    return base64.urlsafe_b64decode(s + "=" * (-len(s) % 4))


def jwt(claims, key: bytes, header=None, alg="HS256", sign=True) -> str:
    header = header if header is not None else {"alg": alg, "typ": "JWT"}
    h = b64url(json.dumps(header, separators=(",", ":")).encode())
    p = b64url(claims.encode() if isinstance(claims, str) else json.dumps(claims, separators=(",", ":")).encode())
    si = f"{h}.{p}".encode("ascii")
    if not sign:
        return f"{h}.{p}."
    digest = {"HS256": hashlib.sha256, "HS384": hashlib.sha384, "HS512": hashlib.sha512}.get(alg, hashlib.sha256)
    return f"{h}.{p}.{b64url(hmac.new(key, si, digest).digest())}"


class Minter:
    def __init__(self, secret: bytes):
        self.secret = secret

    def claims(self, sub, scope="app", ttl=3600, **extra):
        c = {"sub": str(sub) if isinstance(sub, int) else sub, "scope": scope, "exp": int(time.time()) + ttl}
        c.update(extra)
        return {k: v for k, v in c.items() if v is not None}

    def token(self, sub, scope="app", ttl=3600, **extra):
        return jwt(self.claims(sub, scope, ttl, **extra), self.secret)


# ---------------------------------------------------------------------------------------------------------------
# HTTP: one keep-alive connection, raw paths (http.client sends the path exactly as given: `..`, `%2e`, `;`, `//`).


class Resp:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers
        self.body = body

    @property
    def text(self):
        return self.body.decode("utf-8", "replace")

    def json(self):
        try:
            return json.loads(self.body)
        except ValueError:
            return None


class Http:
    def __init__(self, base_url):
        u = urllib.parse.urlsplit(base_url)
        if u.scheme != "http":
            raise SystemExit("probe: only http:// base URLs (loopback or a test deployment)")
        self.host, self.port = u.hostname, u.port or 80
        self.prefix = u.path.rstrip("/")
        self.conn = None
        self.count = 0

    def request(self, method, path, headers=None, body=None, token=None):
        h = {"Accept": "application/json", "Connection": "keep-alive"}
        if token is not None:
            h["Authorization"] = f"Bearer {token}"
        h.update(headers or {})
        if isinstance(body, (dict, list)):
            body = json.dumps(body).encode()
            h.setdefault("Content-Type", "application/json")
        elif isinstance(body, str):
            body = body.encode()
        if body is not None:
            h["Content-Length"] = str(len(body))
        for attempt in (1, 2):
            if self.conn is None:
                self.conn = http.client.HTTPConnection(self.host, self.port, timeout=30)
            try:
                self.conn.putrequest(method, self.prefix + path, skip_host=False, skip_accept_encoding=True)
                for k, v in h.items():
                    self.conn.putheader(k, v)
                self.conn.endheaders(body)
                r = self.conn.getresponse()
                data = r.read()
                self.count += 1
                resp = Resp(r.status, {k.lower(): v for k, v in r.getheaders()}, data)
                if r.getheader("connection", "").lower() == "close":
                    self.conn.close()
                    self.conn = None
                return resp
            except (http.client.HTTPException, ConnectionError, OSError):
                if self.conn is not None:
                    self.conn.close()
                self.conn = None
                if attempt == 2:
                    raise
        raise AssertionError


# ---------------------------------------------------------------------------------------------------------------
# Verdicts


class Check:
    """One verdict line: counts cases, keeps the failing ones (the first few are shown)."""

    def __init__(self, probe, name, what):
        self.probe, self.name, self.what = probe, name, what
        self.cases = 0
        self.failures = []
        self.notes = []
        self.level_if_failed = "FAIL"

    def case(self, ok, detail):
        self.cases += 1
        if not ok:
            self.failures.append(detail)
        if self.probe.verbose:
            print(f"    {'ok  ' if ok else 'BAD '} {self.name}: {detail}")
        return ok

    def note(self, text):
        self.notes.append(text)

    def done(self, level=None, text=None):
        if level is None:
            level = self.level_if_failed if self.failures else "PASS"
        if text is None:
            if self.failures:
                shown = "; ".join(self.failures[:6]) + (f"; ... ({len(self.failures)} in all)"
                                                         if len(self.failures) > 6 else "")
                text = f"{self.what}: {len(self.failures)} of {self.cases} cases wrong: {shown}"
            else:
                text = f"{self.what}: {self.cases} cases"
        if self.notes:
            text += " [" + "; ".join(self.notes) + "]"
        self.probe.verdict(level, self.name, text)


def is2xx(r):
    return 200 <= r.status < 300


LEAK_MARKERS = ("Exception", "\tat ", "at io.rebatch", "at org.springframework", "SQLState", "java.lang.",
                "org.h2.", "com.mysql.", "Caused by")


class Probe:
    def __init__(self, a):
        self.a = a
        self.verbose = a.verbose
        self.http = Http(a.base_url)
        secret = os.environ.get(a.secret_env, "").encode()
        if len(secret) < 32:
            raise SystemExit(f"probe: set {a.secret_env} to the server's secret (at least 32 bytes)")
        self.m = Minter(secret)
        self.results = []
        self.rows = self.read_balances(a.balances)
        self.withdrawals = self.read_withdrawals(a.withdrawals) if a.withdrawals else None
        self.lines = self.read_lines(a.lines) if a.lines else None
        self.pick_users()

    # -- inputs -------------------------------------------------------------------------------------------------

    @staticmethod
    def read_balances(path):
        rows = {}
        with open(path, newline="", encoding="utf-8") as f:
            r = csv.DictReader(f)
            need = {"user_id", "pending_fen", "available_fen", "withdrawing_fen", "paid_fen"}
            if not need <= set(r.fieldnames or []):
                raise SystemExit(f"probe: {path} is not a balances export (columns {sorted(need)})")
            for row in r:
                rows[int(row["user_id"])] = {k: int(row[k]) for k in need}
        if len(rows) < 2:
            raise SystemExit(f"probe: {path} has fewer than two users")
        return rows

    @staticmethod
    def read_withdrawals(path):
        by_user = {}
        with open(path, newline="", encoding="utf-8") as f:
            for row in csv.DictReader(f):
                by_user.setdefault(int(row["user_id"]), set()).add(int(row["withdrawal_id"]))
        return by_user

    @staticmethod
    def read_lines(path):
        lines = {}
        with open(path, newline="", encoding="utf-8") as f:
            for row in csv.DictReader(f):
                uid = row.get("user_id") or ""
                lines[(row["platform"], row["order_line_id"])] = int(uid) if uid.strip().lstrip("-").isdigit() else None
        return lines

    def pick_users(self):
        """A: a user with less than the minimum withdrawal available (so any withdrawal of theirs is refused);
        B: a user with money available and, preferably, withdrawals of their own; both with distinctive rows."""
        ids = sorted(self.rows)
        withdrawers = set(self.withdrawals or {})
        poor = [u for u in ids if self.rows[u]["available_fen"] < 100 and u not in withdrawers
                and self.rows[u]["pending_fen"] > 0] or [u for u in ids if self.rows[u]["available_fen"] < 100]
        rich = sorted((u for u in ids if self.rows[u]["available_fen"] >= 100),
                      key=lambda u: (u not in withdrawers, -self.rows[u]["available_fen"]))
        if not poor or not rich:
            self.A, self.B = ids[0], ids[-1]
        else:
            self.A, self.B = poor[len(poor) // 2], rich[0]
        self.tA = self.m.token(self.A)
        self.tB = self.m.token(self.B)
        self.admin = self.m.token(max(ids) + 1000, scope="admin")

    # -- output -------------------------------------------------------------------------------------------------

    def verdict(self, level, name, text):
        self.results.append(level)
        print(f"{level} {name}: {text}", flush=True)

    def leaks_b(self, r, b=None):
        """Whether a response carries user B's data: B's user id as a JSON field, or one of B's withdrawal ids."""
        b = self.B if b is None else b
        body = r.text
        if f'"user_id":{b},' in body or f'"user_id":{b}}}' in body or f'"user_id": {b},' in body:
            return True
        if self.withdrawals and b in self.withdrawals and is2xx(r) and "/withdrawals" in getattr(r, "path", ""):
            data = r.json()
            if isinstance(data, list) and {w.get("id") for w in data if isinstance(w, dict)} & self.withdrawals[b]:
                return True
        return False

    def req(self, method, path, **kw):
        r = self.http.request(method, path, **kw)
        r.path = path
        return r

    # -- the endpoints ------------------------------------------------------------------------------------------

    def endpoints(self):
        c = Check(self, "openapi", "GET /v3/api-docs answers a valid token, not an anonymous caller")
        r = self.req("GET", "/v3/api-docs", token=self.tA)
        c.case(r.status == 200, f"valid app token -> {r.status}")
        anon = self.req("GET", "/v3/api-docs")
        c.case(not is2xx(anon), f"no token -> {anon.status}")
        docs = r.json() or {}
        eps = []
        for path, ops in (docs.get("paths") or {}).items():
            for method in ops:
                if method.upper() in ("GET", "POST", "PUT", "DELETE", "PATCH"):
                    eps.append((method.upper(), path))
        if not eps:
            c.case(False, "no paths in the OpenAPI document")
        c.note(f"{len(eps)} operations documented")
        c.done()
        # The SPEC's list, in case the document misses one.
        for e in [("GET", "/api/v1/me/balance"), ("GET", "/api/v1/me/rebates"), ("GET", "/api/v1/me/team"),
                  ("GET", "/api/v1/me/withdrawals"), ("POST", "/api/v1/me/withdrawals"),
                  ("GET", "/api/v1/admin/users/{id}/balance"), ("GET", "/api/v1/admin/job-executions"),
                  ("GET", "/api/v1/admin/reports")]:
            if e not in eps:
                eps.append(e)
        self.eps = eps

    def concrete(self, path, user=None):
        p = path.replace("{id}", str(self.B if user is None else user))
        if p.endswith("/admin/reports"):
            p += "?date=2026-11-30"
        return p

    def call(self, method, path, token=None, headers=None, body=None):
        if method == "POST" and body is None and path.endswith("/withdrawals"):
            body = {"amount_fen": 100, "payee_account": "probe@example.com", "payee_name": "探针"}
            headers = dict(headers or {}, **{"Idempotency-Key": f"probe-{random.getrandbits(48):x}"})
        return self.req(method, path, token=token, headers=headers, body=body)

    # -- 1. no endpoint without a valid token -------------------------------------------------------------------

    def bad_tokens(self):
        m, A, now = self.m, self.A, int(time.time())
        other_key = b"not-the-server-secret-but-32-bytes-long!!"
        good = m.claims(A)
        h, p, s = m.token(A).split(".")
        hb, pb, sb = m.token(self.B).split(".")
        v = [
            ("bad signature", jwt(good, other_key)),
            ("signature stripped", f"{h}.{p}."),
            ("signature truncated", f"{h}.{p}.{s[:-4]}"),
            ("signature of B on A's claims", f"{h}.{p}.{sb}"),
            ("A's signature on B's claims", f"{hb}.{pb}.{s}"),
            ("alg none", jwt(good, b"", header={"alg": "none", "typ": "JWT"}, sign=False)),
            ("alg None", jwt(good, b"", header={"alg": "None"}, sign=False)),
            ("alg NONE, A's valid signature kept", jwt(good, b"", header={"alg": "NONE"}, sign=False) + s),
            ("alg none, B's claims", jwt(m.claims(self.B), b"", header={"alg": "none"}, sign=False)),
            ("HS512 with the secret", jwt(good, m.secret, alg="HS512")),
            ("HS384 with the secret", jwt(good, m.secret, alg="HS384")),
            ("RS256 header, HMAC signature", jwt(good, m.secret, header={"alg": "RS256", "typ": "JWT"})),
            ("ES256 header, HMAC signature", jwt(good, m.secret, header={"alg": "ES256", "typ": "JWT"})),
            ("embedded jwk (attacker's oct key)", jwt(good, other_key, header={
                "alg": "HS256", "jwk": {"kty": "oct", "k": b64url(other_key)}})),
            ("kid ../../dev/null, empty key", jwt(good, b"", header={"alg": "HS256", "kid": "../../../../dev/null"})),
            ("jku to an outside key set", jwt(good, other_key, header={"alg": "HS256", "jku": "http://127.0.0.1:9/k"})),
            ("crit unknown header", jwt(good, m.secret, header={"alg": "HS256", "crit": ["probe"], "probe": 1})),
            ("expired 1 h ago", m.token(A, ttl=-3600)),
            ("expired 2 min ago (beyond the 30 s skew)", m.token(A, ttl=-120)),
            ("no exp", jwt({"sub": str(A), "scope": "app"}, m.secret)),
            ("exp as a string", jwt({"sub": str(A), "scope": "app", "exp": str(now + 3600)}, m.secret)),
            ("exp 0", jwt({"sub": str(A), "scope": "app", "exp": 0}, m.secret)),
            ("nbf 1 h ahead", m.token(A, nbf=now + 3600)),
            ("no sub", jwt({"scope": "app", "exp": now + 3600}, m.secret)),
            ("sub 0", m.token("0")), ("sub -1", m.token("-1")), ("sub -" + str(A), m.token(f"-{A}")),
            ("sub abc", m.token("abc")), ("sub empty", m.token("")), ("sub ' 1'", m.token(f" {A}")),
            ("sub 1.0", m.token(f"{A}.0")), ("sub 0x10", m.token("0x10")), ("sub 1e3", m.token("1e3")),
            ("sub +A", m.token(f"+{A}")), ("sub 20 digits", m.token("9" * 20)),
            ("sub 2^63", m.token(str(2 ** 63))), ("sub A,B", m.token(f"{A},{self.B}")),
            ("sub ' OR 1=1", m.token("1' OR '1'='1")), ("sub as a JSON list", m.token([str(A), str(self.B)])),
            ("scope missing", jwt({"sub": str(A), "exp": now + 3600}, m.secret)),
            ("scope APP", m.token(A, scope="APP")), ("scope apps", m.token(A, scope="apps")),
            ("scope app:read", m.token(A, scope="app:read")), ("scope empty", m.token(A, scope="")),
            ("scope SCOPE_app", m.token(A, scope="SCOPE_app")),
            ("payload not JSON", jwt("not json", m.secret)),
            ("two dots only", ".."), ("garbage", "x" * 40), ("8 kB token", "a" * 8000),
        ]
        anon_headers = [
            ("Authorization: Basic", {"Authorization": "Basic " + base64.b64encode(b"admin:admin").decode()}),
            ("Authorization: Bearer (empty)", {"Authorization": "Bearer "}),
            ("Authorization: Token <valid>", {"Authorization": f"Token {self.tA}"}),
            ("cookie access_token=<valid>", {"Cookie": f"access_token={self.tA}; JSESSIONID=x"}),
            ("X-Access-Token: <valid>", {"X-Access-Token": self.tA}),
        ]
        admin_paths = [e for e in self.eps if "/admin/" in e[1]]
        c = Check(self, "no-valid-token", "every documented operation with no token or a bad one answers non-2xx"
                  " (and never 5xx)")
        statuses = {}
        for method, path in self.eps:
            cp = self.concrete(path)
            for label, tok in [("no token", None)] + v:
                r = self.call(method, cp, token=tok)
                statuses[r.status] = statuses.get(r.status, 0) + 1
                c.case(not is2xx(r) and r.status < 500, f"{method} {cp} [{label}] -> {r.status}")
            for label, hdrs in anon_headers:
                r = self.call(method, cp, headers=hdrs)
                c.case(not is2xx(r) and r.status < 500, f"{method} {cp} [{label}] -> {r.status}")
            sep = "&" if "?" in cp else "?"
            r = self.call(method, f"{cp}{sep}access_token={self.tA}")
            c.case(not is2xx(r), f"{method} {cp} [token in the query string] -> {r.status}")
        c.note("statuses " + ", ".join(f"{k}x{n}" for k, n in sorted(statuses.items())))
        c.done()

        c = Check(self, "scopes", "app tokens cannot reach admin operations or metrics; admin and unscoped tokens"
                  " cannot act as an app user")
        for method, path in admin_paths:
            cp = self.concrete(path)
            for label, tok in [("app token", self.tA), ("app token of B", self.tB),
                               ("scope 'app ADMIN'", self.m.token(self.A, scope="app ADMIN")),
                               ("scope 'administrator'", self.m.token(self.A, scope="administrator")),
                               ("scp: admin, no scope", jwt({"sub": str(self.A), "scp": "app", "exp": int(time.time()) + 60},
                                                           self.m.secret))]:
                r = self.call(method, cp, token=tok)
                c.case(not is2xx(r), f"{method} {cp} [{label}] -> {r.status}")
        for method, path in self.eps:
            if "/me/" not in path:
                continue
            cp = self.concrete(path)
            r = self.call(method, cp, token=self.admin)
            c.case(not is2xx(r) or not self.leaks_b(r), f"{method} {cp} [admin token] -> {r.status}")
        for path in ("/actuator/prometheus", "/actuator/metrics"):
            r = self.req("GET", path, token=self.tA)
            c.case(not is2xx(r), f"GET {path} [app token] -> {r.status}")
        r = self.req("GET", "/actuator/prometheus", token=self.admin, headers={"Accept": "text/plain"})
        c.note(f"admin GET /actuator/prometheus -> {r.status}")
        c.done()

        c = Check(self, "scope-combinations", "tokens the issuer could mint: what they are allowed")
        both = self.m.token(self.A, scope="app admin")
        r1 = self.req("GET", "/api/v1/me/balance", token=both)
        r2 = self.req("GET", f"/api/v1/admin/users/{self.B}/balance", token=both)
        lst = self.m.token(self.A, scope=["admin"])
        r3 = self.req("GET", f"/api/v1/admin/users/{self.B}/balance", token=lst)
        scp = jwt({"sub": str(self.A), "scp": "admin", "exp": int(time.time()) + 60}, self.m.secret)
        r4 = self.req("GET", f"/api/v1/admin/users/{self.B}/balance", token=scp)
        c.done("INFO", f"scope 'app admin': /me {r1.status}, admin {r2.status}; scope [\"admin\"] (a JSON list): admin"
               f" {r3.status}; claim scp=admin without scope: admin {r4.status} (Spring reads scope or scp; only"
               " matters if the token issuer lets a client choose claims)")

    # -- 2. no way into another user's data ---------------------------------------------------------------------

    def isolation(self):
        A, B = self.A, self.B
        c = Check(self, "own-data-only", f"user A={A}'s token never gets user B={B}'s data: guessed paths,"
                  " parameters, headers")
        q = urllib.parse.quote
        paths = [
            f"/api/v1/users/{B}/balance", f"/api/v1/user/{B}/balance", f"/api/v1/me/{B}/balance",
            f"/api/v1/balance/{B}", f"/api/v1/users/{B}", f"/api/v1/users/{B}/rebates",
            f"/api/v1/me/balance?user_id={B}", f"/api/v1/me/balance?userId={B}", f"/api/v1/me/balance?sub={B}",
            f"/api/v1/me/balance?id={B}", f"/api/v1/me/balance?user_id={B}&user_id={B}",
            f"/api/v1/me/rebates?user_id={B}", f"/api/v1/me/team?user_id={B}", f"/api/v1/me/withdrawals?user_id={B}",
            f"/api/v1/me/../admin/users/{B}/balance", f"/api/v1/me/%2e%2e/admin/users/{B}/balance",
            f"/api/v1/me/%2E%2E/admin/users/{B}/balance", f"/api/v1/me/..%2fadmin/users/{B}/balance",
            f"/api/v1/me/..%2Fadmin%2Fusers%2F{B}%2Fbalance", f"/api/v1/me/.%2e/admin/users/{B}/balance",
            f"/api/v1/me/..;/admin/users/{B}/balance", f"/api/v1/me;/../admin/users/{B}/balance",
            f"/api/v1/me/%252e%252e/admin/users/{B}/balance", f"/api/v1/me/..\\admin/users/{B}/balance",
            f"/api/v1/admin;/users/{B}/balance", f"/api/v1/admin;x=y/users/{B}/balance",
            f"/api/v1//admin/users/{B}/balance", f"//api/v1/admin/users/{B}/balance",
            f"/./api/v1/admin/users/{B}/balance", f"/api/v1/./admin/users/{B}/balance",
            f"/api/v1/ADMIN/users/{B}/balance", f"/API/V1/ADMIN/USERS/{B}/BALANCE", f"/Api/v1/Admin/users/{B}/balance",
            f"/api/v1/admin/users/{B}/balance/", f"/api/v1/admin/users/{B}/balance.json",
            f"/api/v1/admin/users/{B}/balance;jsessionid=x", f"/api/v1/admin/users/{B}%2fbalance",
            f"/api/v1/admin/users/{B}/balance%00", f"/api/v1/admin/users/{B}/balance%20",
            f"/api/v1/admin/users/{q(str(B))}/balance?x=1", f"/api/v1/%61dmin/users/{B}/balance",
            f"/api/v1/admin/users/{B}/balance?scope=admin", f"/api/v2/admin/users/{B}/balance",
            f"/api/v1/admin/job-executions/", f"/api/v1/admin/reports/?date=2026-11-30", "/api/v1/admin/",
            "/api/v1/me/balance/", "/API/V1/ME/BALANCE", "/api/v1/me/balance;x=1", "/api/v1/me/balance.json",
            "/api/v1/me/BALANCE", "/api/v1/me//balance", "/api/v1//me/balance",
        ]
        for p in paths:
            r = self.req("GET", p, token=self.tA)
            bad = self.leaks_b(r) or ("/admin" in p.lower() and is2xx(r)) or r.status >= 500
            c.case(not bad, f"GET {p} -> {r.status}{' with B data' if self.leaks_b(r) else ''}")
            c.case(not any(mk in r.text for mk in LEAK_MARKERS), f"GET {p} -> {r.status}: stack trace in the body")
        headers = [{"X-User-Id": str(B)}, {"X-User": str(B)}, {"X-Forwarded-User": str(B)}, {"X-Auth-User": str(B)},
                   {"X-Original-URL": f"/api/v1/admin/users/{B}/balance"},
                   {"X-Rewrite-URL": f"/api/v1/admin/users/{B}/balance"},
                   {"X-Forwarded-Prefix": "/api/v1/admin"}, {"Forwarded": f"for=127.0.0.1;user={B}"},
                   {"X-HTTP-Method-Override": "DELETE"}]
        for hd in headers:
            for p in ("/api/v1/me/balance", "/api/v1/me/withdrawals", "/api/v1/me/rebates", "/api/v1/me/team"):
                r = self.req("GET", p, token=self.tA, headers=hd)
                c.case(not self.leaks_b(r) and r.status < 500, f"GET {p} {hd} -> {r.status}")
        # Own data really is A's: the balance names A.
        r = self.req("GET", "/api/v1/me/balance", token=self.tA)
        c.case(r.status == 200 and (r.json() or {}).get("user_id") == A, f"GET /api/v1/me/balance as A -> {r.status}"
               f" user_id {(r.json() or {}).get('user_id')}")
        c.done()

        c = Check(self, "methods", "read-only operations refuse writing methods; nothing answers TRACE")
        targets = ["/api/v1/me/balance", "/api/v1/me/rebates", "/api/v1/me/team", f"/api/v1/admin/users/{B}/balance",
                   "/api/v1/admin/job-executions", "/api/v1/me/withdrawals/1", f"/api/v1/users/{B}/balance"]
        for p in targets:
            for method in ("PUT", "DELETE", "PATCH", "POST", "TRACE"):
                if method == "POST" and p.endswith("/withdrawals"):
                    continue
                for label, tok in (("app", self.tA), ("admin", self.admin)):
                    r = self.req(method, p, token=tok, body={"user_id": B, "available_fen": 99999999})
                    c.case(not is2xx(r) and r.status < 500, f"{method} {p} [{label}] -> {r.status}")
        for label, tok in (("app", self.tA), ("admin", self.admin)):
            r = self.req("POST", f"/api/v1/me/balance?_method=DELETE", token=tok)
            c.case(not is2xx(r) and r.status < 500, f"POST ?_method=DELETE [{label}] -> {r.status}")
        c.done()

        c = Check(self, "surface", "nothing but /actuator/health answers without a token; actuator exposes only"
                  " health and prometheus; no H2 console, no stack traces")
        public_ok = {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"}
        surface = ["/", "/index.html", "/api", "/api/v1", "/api/v1/me", "/actuator", "/actuator/health",
                   "/actuator/health/liveness", "/actuator/health/readiness", "/actuator/health/db",
                   "/actuator/info", "/actuator/env", "/actuator/env/REBATCH_API_JWT_SECRET", "/actuator/heapdump",
                   "/actuator/threaddump", "/actuator/beans", "/actuator/configprops", "/actuator/mappings",
                   "/actuator/loggers", "/actuator/metrics", "/actuator/logfile", "/actuator/conditions",
                   "/actuator/scheduledtasks", "/actuator/caches", "/actuator/sessions", "/actuator/flyway",
                   "/actuator/prometheus", "/h2-console", "/h2-console/", "/h2-console/login.jsp", "/console",
                   "/swagger-ui.html", "/swagger-ui/index.html", "/v3/api-docs", "/v3/api-docs/swagger-config",
                   "/v3/api-docs.yaml", "/v2/api-docs", "/error", "/jolokia", "/manager/html", "/WEB-INF/web.xml",
                   "/META-INF/MANIFEST.MF", "/application.yml", "/BOOT-INF/classes/application.yml", "/.env",
                   "/logs/rebatch.log", "/data/rebatch.mv.db"]
        for p in surface:
            r = self.req("GET", p)
            ok = (not is2xx(r)) or p in public_ok
            c.case(ok, f"GET {p} [no token] -> {r.status}")
            c.case(not any(mk in r.text for mk in LEAK_MARKERS), f"GET {p} [no token] -> {r.status}: stack trace")
        for p in ("/actuator/env", "/actuator/heapdump", "/actuator/threaddump", "/actuator/beans",
                  "/actuator/configprops", "/actuator/mappings", "/actuator/loggers", "/actuator/logfile",
                  "/h2-console", "/actuator/flyway"):
            for label, tok in (("app", self.tA), ("admin", self.admin)):
                r = self.req("GET", p, token=tok)
                c.case(not is2xx(r), f"GET {p} [{label} token] -> {r.status}")
        r = self.req("POST", "/actuator/shutdown", token=self.admin)
        c.case(not is2xx(r), f"POST /actuator/shutdown [admin] -> {r.status}")
        h = self.req("GET", "/actuator/health")
        details = isinstance(h.json(), dict) and ("components" in h.json() or "details" in h.json())
        c.case(not details, f"GET /actuator/health shows component details: {h.text[:120]}")
        c.note(f"/actuator/health -> {h.status} {h.text[:80]}")
        c.done()

        c = Check(self, "response-headers", "401 says WWW-Authenticate: Bearer; personal answers are not cacheable;"
                  " no session cookie")
        r = self.req("GET", "/api/v1/me/balance")
        c.case("bearer" in r.headers.get("www-authenticate", "").lower(), f"401 WWW-Authenticate:"
               f" {r.headers.get('www-authenticate')!r}")
        c.case("problem+json" in r.headers.get("content-type", ""), f"401 content-type {r.headers.get('content-type')}")
        r = self.req("GET", "/api/v1/me/balance", token=self.tA)
        cc = r.headers.get("cache-control", "")
        c.case("no-store" in cc or "private" in cc or "no-cache" in cc, f"200 Cache-Control: {cc!r}")
        c.case("set-cookie" not in r.headers, f"200 Set-Cookie: {r.headers.get('set-cookie')!r}")
        c.done()

    # -- 3. balances equal the CLI export -----------------------------------------------------------------------

    def balances(self):
        ids = sorted(self.rows)
        if self.a.sample and self.a.sample < len(ids):
            ids = sorted(random.Random(7).sample(ids, self.a.sample))
        c = Check(self, "balances-equal-export", f"GET /api/v1/me/balance equals the CSV row, "
                  f"{len(ids)} of {len(self.rows)} users")
        t0 = time.time()
        fields = ("pending_fen", "available_fen", "withdrawing_fen", "paid_fen")
        for uid in ids:
            r = self.req("GET", "/api/v1/me/balance", token=self.m.token(uid))
            d = r.json() or {}
            exp = self.rows[uid]
            diff = [f"{k} {d.get(k)} != {exp[k]}" for k in fields if d.get(k) != exp[k]]
            yuan = [f"{k[:-4]}_yuan {d.get(k[:-4] + '_yuan')!r}" for k in fields
                    if isinstance(d.get(k), int) and d.get(k[:-4] + "_yuan") != f"{d[k] / 100:.2f}"
                    and d.get(k[:-4] + "_yuan") != yuan_of(d[k])]
            c.case(r.status == 200 and d.get("user_id") == uid and not diff and not yuan,
                   f"user {uid}: {r.status} user_id {d.get('user_id')} {' '.join(diff + yuan)}".strip())
        c.note(f"{len(ids) / max(time.time() - t0, 1e-9):.0f} requests/s, one connection")
        c.done()
        c = Check(self, "admin-balance-equal-export", "GET /api/v1/admin/users/{id}/balance equals the CSV row")
        for uid in ids[:: max(1, len(ids) // 50)]:
            r = self.req("GET", f"/api/v1/admin/users/{uid}/balance", token=self.admin)
            d = r.json() or {}
            c.case(r.status == 200 and all(d.get(k) == self.rows[uid][k] for k in fields),
                   f"user {uid}: {r.status} {r.text[:100]}")
        missing = max(self.rows) + 777
        r = self.req("GET", "/api/v1/me/balance", token=self.m.token(missing))
        c.note(f"a user in no export (id {missing}): /me/balance {r.status} {r.text[:60]}")
        c.done()

    # -- rebate pages: own records only, cursors tamper-proof ---------------------------------------------------

    def pages(self, token, status=None, limit=100, max_pages=50):
        items, cursor, n = [], None, 0
        while n < max_pages:
            q = f"limit={limit}" + (f"&status={status}" if status else "") + (
                f"&cursor={urllib.parse.quote(cursor)}" if cursor else "")
            r = self.req("GET", f"/api/v1/me/rebates?{q}", token=token)
            if r.status != 200:
                return items, r
            d = r.json() or {}
            items += d.get("items") or []
            cursor = d.get("next_cursor")
            n += 1
            if not cursor:
                break
        return items, None

    def rebates(self):
        ids = sorted(self.rows)
        sample = random.Random(11).sample(ids, min(len(ids), 200))
        c = Check(self, "rebates-own-records", "rebate pages hold only the caller's records, newest first")
        with_records, first_cursor_user = [], None
        for uid in sample:
            items, err = self.pages(self.m.token(uid), limit=100, max_pages=20)
            if err is not None:
                c.case(False, f"user {uid}: /me/rebates -> {err.status} {err.text[:100]}")
                continue
            if items:
                with_records.append(uid)
            keys = [(i.get("created_at") or "", i.get("platform"), i.get("order_line_id"), i.get("role")) for i in items]
            c.case(keys == sorted(keys, reverse=True), f"user {uid}: not newest first")
            c.case(len(set(keys)) == len(keys), f"user {uid}: a record twice across pages")
            if self.lines is not None:
                for i in items:
                    if i.get("role") == "BUYER":
                        owner = self.lines.get((i.get("platform"), i.get("order_line_id")))
                        c.case(owner in (None, uid), f"user {uid} got BUYER record of line"
                               f" {i.get('platform')}/{i.get('order_line_id')} whose buyer is {owner}")
        c.note(f"{len(with_records)} of {len(sample)} sampled users have records")
        c.done()
        self.with_records = with_records

        if not self.a.no_read_model_check:
            c = Check(self, "rebates-read-model", "users with pending money have rebate records (SPEC 8: one per"
                      " line and role)")
            pend = [u for u in sample if self.rows[u]["pending_fen"] > 0]
            for u in pend:
                c.case(u in with_records, f"user {u} (pending {self.rows[u]['pending_fen']} fen) has no rebate record")
            if pend and not with_records:
                c.done("FAIL", f"none of {len(pend)} sampled users with pending money has a single rebate record:"
                       " rebate_record looks empty (nothing maintains the read model?) -- /me/rebates and /me/team"
                       " answer empty pages for everyone")
            else:
                c.done()
            # Where records exist: PENDING records add up to the pending bucket (an observation, not a finding).
            mism = []
            for u in with_records[:50]:
                items, _ = self.pages(self.m.token(u), status="PENDING")
                s = sum(i.get("amount_fen", 0) for i in items)
                if s != self.rows[u]["pending_fen"]:
                    mism.append(f"{u}: {s} != {self.rows[u]['pending_fen']}")
            if with_records:
                self.verdict("WARN" if mism else "PASS", "rebates-sum-pending",
                             f"sum of PENDING records = pending_fen for {min(50, len(with_records)) - len(mism)} of"
                             f" {min(50, len(with_records))} users" + (f" (e.g. {'; '.join(mism[:3])})" if mism else ""))

    def cursors(self):
        A, B = self.A, self.B
        c = Check(self, "cursor-forgery", "altered, forged, spliced or foreign cursors are refused (400), never"
                  " 2xx with data and never 5xx")

        def get(token, cursor, status=None, limit=5):
            q = f"limit={limit}&cursor={urllib.parse.quote(cursor, safe='')}" + (f"&status={status}" if status else "")
            return self.req("GET", f"/api/v1/me/rebates?{q}", token=token)

        garbage = ["x", ".", "..", "a.b", "e30.e30", "=" * 10, "%00", "A" * 700, "v1|1|||||",
                   b64url(b"v1|%d||0|TAOBAO|BUYER|x" % B) + "." + b64url(b"\0" * 32),
                   b64url(b"v1|%d||0|TAOBAO|BUYER|x" % A), b64url("v1|\u00ff".encode("latin-1")) + ".AA",
                   "'; DROP TABLE rebate_record; --", "../../etc/passwd"]
        for g in garbage:
            r = get(self.tA, g)
            c.case(not is2xx(r) and r.status < 500, f"garbage cursor {g[:30]!r} -> {r.status}")
        # Forged with the key derived from the API secret (as RebateCursor does): bound to the user and filter.
        key = hmac.new(self.m.secret, b"rebatch rebate cursor v1", hashlib.sha256).digest()

        def forge(user, status="", millis=int(time.time() * 1000) + 86400000, platform="TAOBAO", role="BUYER",
                  line="~"):
            payload = f"v1|{user}|{status}|{millis}|{platform}|{role}|{line}".encode()
            return b64url(payload) + "." + b64url(hmac.new(key, payload, hashlib.sha256).digest())

        r = get(self.tA, forge(B))
        c.case(not is2xx(r) and r.status < 500, f"cursor forged for B (valid MAC), sent by A -> {r.status}")
        r = get(self.tA, forge(A, status="PENDING"))
        c.case(not is2xx(r) and r.status < 500, f"A's forged cursor for status PENDING, sent without status -> {r.status}")
        r = get(self.tA, forge(A, line="x' OR '1'='1"))
        c.case(r.status < 500 and not self.leaks_b(r), f"A's cursor with SQL in the position -> {r.status}")
        own = get(self.tA, forge(A))
        c.note(f"a cursor minted with the derived key for A himself -> {own.status}"
               + (" (anyone holding the API secret can mint cursors — as they can tokens)" if own.status == 200 else ""))
        # Real cursors: a user with more than one record.
        users = [u for u in getattr(self, "with_records", [])]
        real = None
        for u in users:
            r = self.req("GET", "/api/v1/me/rebates?limit=1", token=self.m.token(u))
            cur = (r.json() or {}).get("next_cursor") if r.status == 200 else None
            if cur:
                real = (u, cur)
                break
        if real is None:
            c.note("no user with two records: real-cursor tampering not tested")
        else:
            u, cur = real
            tu = self.m.token(u)
            other = next((x for x in sorted(self.rows) if x != u), A)
            p, s = cur.split(".", 1)
            raw = bytearray(b64url_decode(p))
            for i in range(0, len(raw), max(1, len(raw) // 12)):
                flipped = bytearray(raw)
                flipped[i] ^= 0x01
                r = get(tu, b64url(bytes(flipped)) + "." + s)
                c.case(not is2xx(r) and r.status < 500, f"real cursor, payload bit flipped at {i} -> {r.status}")
            mac = bytearray(b64url_decode(s))
            mac[0] ^= 0x80
            r = get(tu, p + "." + b64url(bytes(mac)))
            c.case(not is2xx(r) and r.status < 500, f"real cursor, MAC bit flipped -> {r.status}")
            r = get(tu, cur[:-3])
            c.case(not is2xx(r) and r.status < 500, f"real cursor truncated -> {r.status}")
            r = get(self.m.token(other), cur)
            c.case(not is2xx(r) and r.status < 500, f"user {u}'s cursor spliced into user {other}'s request -> {r.status}")
            r = get(tu, cur, status="AVAILABLE")
            c.case(not is2xx(r) and r.status < 500, f"cursor of the unfiltered list with status=AVAILABLE -> {r.status}")
            r = get(tu, cur)
            c.case(r.status == 200, f"the real cursor itself -> {r.status}")
        c.done()

    # -- 4. no way to change another user's data ----------------------------------------------------------------

    def balance_of(self, uid):
        r = self.req("GET", "/api/v1/me/balance", token=self.m.token(uid))
        return r.json() if r.status == 200 else None

    def withdraw_others(self):
        A, B = self.A, self.B
        before_a, before_b = self.balance_of(A), self.balance_of(B)
        amount = max(100, min((before_b or {}).get("available_fen", 100), 100))
        c = Check(self, "withdraw-for-another", f"A={A} (available {before_a and before_a['available_fen']} fen)"
                  f" cannot withdraw B={B}'s money (available {before_b and before_b['available_fen']} fen)")
        base = {"amount_fen": amount, "payee_account": "probe-attacker@example.com", "payee_name": "探针"}
        bodies = [dict(base, user_id=B), dict(base, userId=B), dict(base, sub=B), dict(base, user=B),
                  dict(base, user_id=str(B), id=B), {"user_id": B, **base, "owner_id": B}]
        for i, body in enumerate(bodies):
            r = self.req("POST", "/api/v1/me/withdrawals", token=self.tA, body=body,
                         headers={"Idempotency-Key": f"probe-other-{i}-{random.getrandbits(32):x}"})
            c.case(not is2xx(r) and r.status < 500, f"body {sorted(set(body) - set(base))} -> {r.status}"
                   f" {(r.json() or {}).get('reason', '')}")
        for hd in ({"X-User-Id": str(B)}, {"X-Forwarded-User": str(B)}):
            r = self.req("POST", f"/api/v1/me/withdrawals?user_id={B}", token=self.tA, body=base,
                         headers=dict(hd, **{"Idempotency-Key": f"probe-hdr-{random.getrandbits(32):x}"}))
            c.case(not is2xx(r) and r.status < 500, f"?user_id=B + {hd} -> {r.status}")
        after_a, after_b = self.balance_of(A), self.balance_of(B)
        c.case(after_b == before_b, f"B's balance changed: {before_b} -> {after_b}")
        c.case(after_a == before_a, f"A's balance changed: {before_a} -> {after_a}")
        c.done()

        c = Check(self, "withdraw-bad-input", "malformed withdrawal requests are 4xx, never 2xx or 5xx")
        cases = [("no Idempotency-Key", base, {}), ("empty key", base, {"Idempotency-Key": ""}),
                 ("65-char key", base, {"Idempotency-Key": "k" * 65}),
                 ("key with a C1 control char (U+0085)", base, {"Idempotency-Key": "a\u0085b"}),
                 ("non-ASCII key 中文键 (UTF-8)", base, {"Idempotency-Key": "中文键".encode("utf-8")}),
                 ("non-ASCII key ключ (UTF-8)", base, {"Idempotency-Key": "ключ-1".encode("utf-8")}),
                 ("negative amount", dict(base, amount_fen=-100), None), ("zero amount", dict(base, amount_fen=0), None),
                 ("amount 2^63-1", dict(base, amount_fen=2 ** 63 - 1), None),
                 ("amount 2^64", dict(base, amount_fen=2 ** 64), None), ("amount 1.5", dict(base, amount_fen=1.5), None),
                 ("amount as a string", dict(base, amount_fen="100"), None), ("amount null", dict(base, amount_fen=None), None),
                 ("no payee", {"amount_fen": 100}, None), ("payee 10 kB", dict(base, payee_account="a" * 10000), None),
                 ("empty body", {}, None), ("a list", [base], None), ("not JSON", "{", None)]
        for label, body, hd in cases:
            headers = {"Idempotency-Key": f"probe-bad-{random.getrandbits(32):x}"} if hd is None else hd
            if label == "not JSON":
                headers["Content-Type"] = "application/json"
            try:
                r = self.req("POST", "/api/v1/me/withdrawals", token=self.tA, body=body, headers=headers)
            except (ValueError, http.client.HTTPException) as e:   # a header http.client refuses to send
                c.note(f"{label}: not sendable ({type(e).__name__})")
                continue
            c.case(not is2xx(r) and r.status < 500, f"{label} -> {r.status} {(r.json() or {}).get('reason', '')}")
        after = self.balance_of(A)
        c.case(after == before_a, f"A's balance changed by the bad requests: {before_a} -> {after}")
        c.done()

    def withdrawals_isolation(self):
        if not self.withdrawals:
            self.verdict("SKIP", "withdrawals-own-only", "no --withdrawals CSV")
            return
        c = Check(self, "withdrawals-own-only", "GET /api/v1/me/withdrawals lists the caller's withdrawals only,"
                  " payee masked")
        every = set().union(*self.withdrawals.values())
        for uid, own in sorted(self.withdrawals.items()):
            r = self.req("GET", "/api/v1/me/withdrawals?limit=100", token=self.m.token(uid))
            got = {w.get("id") for w in (r.json() or []) if isinstance(w, dict)}
            c.case(r.status == 200 and got <= own and own <= got, f"user {uid}: {r.status} ids {sorted(got)}, export"
                   f" says {sorted(own)}")
            for w in (r.json() or []):
                acct = (w or {}).get("payee_account") or ""
                c.case("*" in acct or acct == "", f"user {uid}: payee account unmasked in the list: {acct!r}")
        for uid in [self.A] + random.Random(3).sample(sorted(self.rows), min(20, len(self.rows))):
            if uid in self.withdrawals:
                continue
            r = self.req("GET", "/api/v1/me/withdrawals?limit=100", token=self.m.token(uid))
            got = {w.get("id") for w in (r.json() or []) if isinstance(w, dict)}
            c.case(not (got & every), f"user {uid} sees withdrawals {sorted(got & every)} of others")
        c.done()

    def writes(self):
        if not self.a.writes:
            self.verdict("SKIP", "idempotency-key-across-users", "needs --writes (creates two 1.00-yuan withdrawals)")
            return
        rich = [u for u in sorted(self.rows, key=lambda u: -self.rows[u]["available_fen"])
                if self.rows[u]["available_fen"] >= 200][:2]
        if len(rich) < 2:
            self.verdict("SKIP", "idempotency-key-across-users", "fewer than two users with 2.00 yuan available")
            return
        u1, u2 = rich
        c = Check(self, "idempotency-key-across-users", f"the same Idempotency-Key from user {u2} never answers user"
                  f" {u1}'s withdrawal")
        key = f"probe-shared-{random.getrandbits(40):x}"
        body = {"amount_fen": 100, "payee_account": "probe-victim@example.com", "payee_name": "受害者"}
        r1 = self.req("POST", "/api/v1/me/withdrawals", token=self.m.token(u1), body=body, headers={"Idempotency-Key": key})
        c.case(r1.status == 201, f"user {u1} withdraws 1.00 -> {r1.status} {r1.text[:120]}")
        id1 = (r1.json() or {}).get("id")
        r2 = self.req("POST", "/api/v1/me/withdrawals", token=self.m.token(u2), body=body, headers={"Idempotency-Key": key})
        d2 = r2.json() or {}
        c.case(d2.get("id") != id1, f"user {u2} with {u1}'s key got {u1}'s withdrawal {id1}: {r2.status} {r2.text[:160]}")
        c.case(r2.status in (201, 409, 422), f"user {u2} with the same key -> {r2.status}")
        r3 = self.req("POST", "/api/v1/me/withdrawals", token=self.m.token(u2),
                      body=dict(body, payee_account="other@example.com"), headers={"Idempotency-Key": key})
        c.case(r3.status in (409, 422) or (r3.json() or {}).get("id") != id1, f"user {u2} same key, other payee ->"
               f" {r3.status}")
        r4 = self.req("POST", "/api/v1/me/withdrawals", token=self.m.token(u1), body=body, headers={"Idempotency-Key": key})
        c.case(r4.status == 200 and (r4.json() or {}).get("id") == id1, f"user {u1} replays -> {r4.status} id"
               f" {(r4.json() or {}).get('id')} (expected 200 id {id1})")
        lst = self.req("GET", "/api/v1/me/withdrawals", token=self.m.token(u2))
        c.case(id1 not in {w.get("id") for w in (lst.json() or [])}, f"user {u2}'s list shows {u1}'s withdrawal")
        c.note(f"data changed: 1.00 yuan withdrawn by {u1}" + (f" and {u2}" if r2.status == 201 else ""))
        c.done()

    def run(self):
        print(f"probe: {self.a.base_url}, {len(self.rows)} users in {self.a.balances}; A={self.A}, B={self.B}",
              flush=True)
        try:
            h = self.req("GET", "/actuator/health")
        except OSError as e:
            print(f"probe: cannot reach {self.a.base_url}: {e}", file=sys.stderr)
            return 2
        if h.status != 200:
            print(f"probe: {self.a.base_url}/actuator/health answered {h.status}", file=sys.stderr)
        t0 = time.time()
        self.endpoints()
        self.bad_tokens()
        self.isolation()
        self.balances()
        self.rebates()
        self.cursors()
        self.withdrawals_isolation()
        self.withdraw_others()
        self.writes()
        fails = self.results.count("FAIL")
        print(f"probe: {len(self.results)} checks, {fails} FAIL, {self.results.count('WARN')} WARN,"
              f" {self.http.count} requests in {time.time() - t0:.1f} s -> {'FINDINGS' if fails else 'no findings'}")
        return 1 if fails else 0


def yuan_of(fen):
    sign = "-" if fen < 0 else ""
    return f"{sign}{abs(fen) // 100}.{abs(fen) % 100:02d}"


def main():
    p = argparse.ArgumentParser(description="Outside probe of rebatch serve (see the header of this file).")
    p.add_argument("--base-url", default="http://127.0.0.1:8080")
    p.add_argument("--balances", required=True)
    p.add_argument("--withdrawals")
    p.add_argument("--lines")
    p.add_argument("--sample", type=int, default=0)
    p.add_argument("--secret-env", default="REBATCH_API_JWT_SECRET")
    p.add_argument("--no-read-model-check", action="store_true")
    p.add_argument("--writes", action="store_true")
    p.add_argument("--verbose", action="store_true")
    a = p.parse_args()
    random.seed(1)
    return Probe(a).run()


if __name__ == "__main__":
    sys.exit(main())
