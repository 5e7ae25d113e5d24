#!/usr/bin/env python3
"""Mints HS256 JWTs for the API benchmark (stdlib only) and writes them as a Lua table for wrk.

    mint-tokens.py --users N [--first-user 1] [--count 10000] [--scope app] [--ttl 7200] --out tokens.lua

The secret is read from the environment (REBATCH_API_JWT_SECRET), never from the command line. The tokens carry
sub = a user id spread evenly over first-user .. first-user+N-1 (shuffled with a fixed seed, so consecutive
requests hit unrelated rows), scope and exp = now + ttl: what the app's token issuer would hand out.
The Lua file is `return { "<jwt>", ... }` (wrk's init() loads it with dofile); --ids FILE also writes the user id
of each token and --plain FILE the tokens themselves, one per line, in the same order.
"""
import argparse
import base64
import hashlib
import hmac
import json
import os
import random
import sys
import time


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def mint(secret: bytes, claims: dict) -> str:
    header = b64url(json.dumps({"alg": "HS256", "typ": "JWT"}, separators=(",", ":")).encode())
    payload = b64url(json.dumps(claims, separators=(",", ":")).encode())
    signing_input = f"{header}.{payload}".encode("ascii")
    return f"{header}.{payload}.{b64url(hmac.new(secret, signing_input, hashlib.sha256).digest())}"


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--users", type=int, required=True)
    p.add_argument("--first-user", type=int, default=1)
    p.add_argument("--count", type=int, default=10000)
    p.add_argument("--scope", default="app")
    p.add_argument("--ttl", type=int, default=7200, help="seconds until exp")
    p.add_argument("--seed", type=int, default=42)
    p.add_argument("--out", required=True)
    p.add_argument("--ids", help="also write the user id of each token, one per line")
    p.add_argument("--plain", help="also write the tokens, one per line")
    a = p.parse_args()
    secret = os.environ.get("REBATCH_API_JWT_SECRET", "").encode()
    if len(secret) < 32:
        print("mint-tokens: REBATCH_API_JWT_SECRET must be set (>= 32 bytes)", file=sys.stderr)
        return 2
    count = min(a.count, a.users)
    step = a.users / count
    ids = [a.first_user + int(i * step) for i in range(count)]
    random.Random(a.seed).shuffle(ids)
    exp = int(time.time()) + a.ttl
    tokens = [mint(secret, {"sub": str(uid), "scope": a.scope, "exp": exp}) for uid in ids]
    with open(a.out, "w", encoding="ascii") as f:
        f.write("return {\n" + "".join('"%s",\n' % t for t in tokens) + "}\n")
    if a.plain:
        with open(a.plain, "w", encoding="ascii") as f:
            f.write("".join(t + "\n" for t in tokens))
    if a.ids:
        with open(a.ids, "w", encoding="ascii") as f:
            f.write("".join(f"{uid}\n" for uid in ids))
    return 0


if __name__ == "__main__":
    sys.exit(main())
