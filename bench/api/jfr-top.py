#!/usr/bin/env python3
"""Where a JFR recording of `rebatch serve` spent its CPU samples (bench/api-bench.sh --profile).

    jfr-top.py RECORDING.jfr [--top 25]

Reads the jdk.ExecutionSample events (`jfr print --json`, JDK 17) and prints
  - by area: each sample attributed once, to the innermost library on its stack (HMAC, JWT, Jackson, JDBC driver,
    Hikari, Micrometer, logging, Spring Security, Spring MVC, Tomcat, ...), so the shares add up to 100%;
  - inclusive shares of a few stages of a request (token check, dispatch, query, metrics filter);
  - the hottest methods by self samples (the top frame);
  - GC pauses (jdk.GarbageCollection sumOfPauses) during the recording.
"""
import collections
import json
import subprocess
import sys

# Each sample goes to the first area found walking its stack from the running frame down (so the shares add up
# to 100%: time in HMAC code called by Nimbus is HMAC, Nimbus code called by the filter is JWT, and so on).
AREAS = [
    ("HMAC-SHA256 (javax.crypto, verifying the token)", ("javax.crypto.", "com.sun.crypto.")),
    ("JWT parse/verify/claims (Nimbus, Spring JwtDecoder)", ("com.nimbusds.", "org.springframework.security.oauth2.jwt.")),
    ("JSON writing (Jackson)", ("tools.jackson.", "com.fasterxml.jackson.")),
    ("JDBC driver (MySQL Connector/J)", ("com.mysql.cj.",)),
    ("H2 engine", ("org.h2.",)),
    ("HikariCP (borrow/return/validation)", ("com.zaxxer.hikari.",)),
    ("Spring JDBC (JdbcTemplate)", ("org.springframework.jdbc.",)),
    ("rebatch code (io.rebatch)", ("io.rebatch.",)),
    ("Micrometer observations/metrics", ("io.micrometer.",)),
    ("Logging (Logback/SLF4J/commons-logging)", ("ch.qos.logback.", "org.slf4j.", "org.apache.commons.logging.")),
    ("Spring Security (filters, authorization, firewall)", ("org.springframework.security.",)),
    ("Spring MVC / web (dispatch, mapping, converters)", ("org.springframework.web.", "org.springframework.http.",
                                                         "org.springframework.util.", "org.springframework.core.",
                                                         "org.springframework.aop.", "org.springframework.context.",
                                                         "org.springframework.boot.", "org.springframework.beans.")),
    ("Tomcat (HTTP parsing, NIO, servlet container)", ("org.apache.coyote.", "org.apache.tomcat.",
                                                      "org.apache.catalina.", "jakarta.servlet.")),
    ("socket I/O (sun.nio.ch)", ("sun.nio.ch.",)),
]
INCLUSIVE = [
    ("NimbusJwtDecoder.decode (whole token check)", "org.springframework.security.oauth2.jwt.NimbusJwtDecoder.decode"),
    ("MACVerifier.verify (signature)", "com.nimbusds.jose.crypto.MACVerifier.verify"),
    ("BearerTokenAuthenticationFilter (incl. everything after it)",
     "org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter.doFilterInternal"),
    ("DispatcherServlet.doDispatch (controller + JSON)", "org.springframework.web.servlet.DispatcherServlet.doDispatch"),
    ("JdbcTemplate.query (incl. pool and driver)", "org.springframework.jdbc.core.JdbcTemplate.query"),
    ("HikariDataSource.getConnection", "com.zaxxer.hikari.HikariDataSource.getConnection"),
    ("Connection close/return to pool", "com.zaxxer.hikari.pool.ProxyConnection.close"),
    ("ServerHttpObservationFilter (request metrics)", "org.springframework.web.filter.ServerHttpObservationFilter.doFilterInternal"),
    ("Http11Processor.service (whole request)", "org.apache.coyote.http11.Http11Processor.service"),
]


def frame_name(f):
    m = f.get("method") or {}
    t = (m.get("type") or {}).get("name", "?").replace("/", ".")
    return f"{t}.{m.get('name', '?')}"


def main():
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    top = int(sys.argv[sys.argv.index("--top") + 1]) if "--top" in sys.argv else 25
    raw = subprocess.run(["jfr", "print", "--json", "--stack-depth", "64", "--events", "jdk.ExecutionSample,jdk.GarbageCollection",
                          sys.argv[1]], check=True, capture_output=True).stdout
    events = json.loads(raw)["recording"]["events"]
    samples = [e["values"] for e in events if e["type"] == "jdk.ExecutionSample"]
    gcs = [e["values"] for e in events if e["type"] == "jdk.GarbageCollection"]
    n = len(samples)
    if n == 0:
        print("  no execution samples")
        return 0
    area_hits = collections.Counter()
    self_hits = collections.Counter()
    incl_hits = collections.Counter()
    threads = collections.Counter()
    for s in samples:
        frames = [frame_name(f) for f in ((s.get("stackTrace") or {}).get("frames") or [])]
        if not frames:
            continue
        self_hits[frames[0]] += 1
        threads[((s.get("sampledThread") or {}).get("javaName") or "?").rstrip("0123456789")] += 1
        area = "other (JDK code outside these libraries)"
        for fr in frames:
            hit = next((label for label, prefixes in AREAS if fr.startswith(prefixes)), None)
            if hit:
                area = hit
                break
        area_hits[area] += 1
        present = set(frames)
        for label, method in INCLUSIVE:
            if method in present:
                incl_hits[label] += 1
    print(f"  {n} execution samples (Java code running; 10 ms period); by thread: "
          + ", ".join(f"{t}* {100 * c / n:.0f}%" for t, c in threads.most_common(4)))
    print("  by area (each sample once, by the innermost library on its stack):")
    for label, c in area_hits.most_common():
        print(f"    {100 * c / n:5.1f}%  {label}")
    print("  inclusive (share of samples inside):")
    for label, _ in INCLUSIVE:
        print(f"    {100 * incl_hits[label] / n:5.1f}%  {label}")
    print("  hottest methods (self):")
    for fr, c in self_hits.most_common(top):
        print(f"    {100 * c / n:5.1f}%  {fr}")
    pauses = 0.0
    for g in gcs:
        v = g.get("sumOfPauses")
        if isinstance(v, str) and v.endswith(" ms"):
            pauses += float(v[:-3])
        elif isinstance(v, str) and v.endswith(" s"):
            pauses += float(v[:-2]) * 1000
        elif isinstance(v, (int, float)):
            pauses += v / 1e6
    print(f"  GC: {len(gcs)} collections, {pauses:.0f} ms of pauses in total")
    return 0


if __name__ == "__main__":
    sys.exit(main())
