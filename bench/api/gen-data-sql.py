#!/usr/bin/env python3
"""Prints the SQL that fills a freshly migrated rebatch database with the API benchmark's data set.

    gen-data-sql.py --dialect mariadb|h2 --users N --records M [--chunk 100000]

Generated inside the database (no data file crosses the client): MariaDB's SEQUENCE engine (seq_1_to_K) or H2's
SYSTEM_RANGE(1, K), INSERT ... SELECT in chunks of --chunk rows (one transaction each). Deterministic, no RNG:
  app_user      users 1..N: level NORMAL/VIP/SVIP (17:2:1), inviter an earlier user (users 1..100 none), so the
                invite tree is acyclic as `load users` requires;
  user_balance  one row per user, varied pending/available/withdrawing/paid;
  rebate_record M records (~M/N per user on average: half spread over all users, half over users 1..N/10,
                so the first tenth have ~5.5 M/N records each (several pages of 20), the rest ~M/2N), platforms
                TAOBAO/JD/PDD, roles BUYER 7 : INVITER 2 : GRAND_INVITER 1, status PENDING/AVAILABLE/INVALID
                (6:4:1), created_at spread over 90 days (Sept-Nov 2026), settled_at for AVAILABLE, a 20-character
                Chinese item title (UTF-8, as real titles are).
"""
import argparse
import os
import re
import sys

V6 = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "sql", "common", "V6__api_read_model.sql")


def rebate_indexes():
    """The secondary indexes of rebate_record as the migration defines them: [(name, columns)]."""
    with open(V6, encoding="utf-8") as f:
        text = f.read()
    table = text[text.index("CREATE TABLE rebate_record"):]
    table = table[:table.index(");")]
    return re.findall(r"\bKEY\s+(\w+)\s*\(([^)]*)\)", table)


def source(dialect: str, chunk: int, offset: int) -> str:
    if dialect == "mariadb":
        return f"(SELECT seq + {offset} AS n FROM seq_1_to_{chunk}) s"
    return f"(SELECT X + {offset} AS n FROM SYSTEM_RANGE(1, {chunk})) s"


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--dialect", choices=["mariadb", "h2"], required=True)
    p.add_argument("--users", type=int, required=True)
    p.add_argument("--records", type=int, required=True)
    p.add_argument("--chunk", type=int, default=100000)
    a = p.parse_args()
    out = sys.stdout
    u = a.users
    if a.dialect == "mariadb":
        out.write("SET NAMES utf8mb4;\nSET SESSION unique_checks = 0;\n")

    def chunks(total):
        off = 0
        while off < total:
            size = min(a.chunk, total - off)
            yield size, off
            off += size

    for size, off in chunks(u):
        out.write(
            "INSERT INTO app_user (user_id, level, inviter_id, registered_at)\n"
            " SELECT n, CASE MOD(n, 20) WHEN 0 THEN 'SVIP' WHEN 1 THEN 'VIP' WHEN 2 THEN 'VIP' ELSE 'NORMAL' END,\n"
            "  CASE WHEN n <= 100 THEN NULL ELSE MOD(n * 7919, n - 1) + 1 END,\n"
            "  TIMESTAMPADD(SECOND, MOD(n * 104729, 31536000), TIMESTAMP '2025-06-01 00:00:00')\n"
            f" FROM {source(a.dialect, size, off)};\n")
        out.write(
            "INSERT INTO user_balance (user_id, pending_fen, available_fen, withdrawing_fen, paid_fen)\n"
            " SELECT n, MOD(n * 7919, 500000), MOD(n * 104729, 200000),\n"
            "  CASE WHEN MOD(n, 50) = 0 THEN 5000 ELSE 0 END, MOD(n * 13, 100) * 100\n"
            f" FROM {source(a.dialect, size, off)};\n")
    # H2 builds the two secondary indexes of rebate_record ~2.5x faster after the rows are in than row by row.
    indexes = rebate_indexes() if a.dialect == "h2" else []
    for name, _ in indexes:
        out.write(f"DROP INDEX {name};\n")
    created = "MOD(n * 7919, 7776000)"
    # Half of the records go to any user, half to the first tenth (the active users): ~55 records (several pages)
    # for users 1..N/10, ~5 for the others. A multiplicative hash modulo a prime scatters them.
    h = "MOD(n * 2654435761, 4294967291)"
    owner = f"(CASE WHEN MOD(n, 2) = 0 THEN MOD({h}, {u}) ELSE MOD({h}, {max(1, u // 10)}) END + 1)"
    for size, off in chunks(a.records):
        out.write(
            "INSERT INTO rebate_record (platform, order_line_id, role, user_id, buyer_id, status, amount_fen,"
            " item_title, created_at, settled_at)\n"
            " SELECT CASE MOD(n, 3) WHEN 0 THEN 'TAOBAO' WHEN 1 THEN 'JD' ELSE 'PDD' END,\n"
            "  CONCAT('B', n),\n"
            "  CASE WHEN MOD(n, 10) < 7 THEN 'BUYER' WHEN MOD(n, 10) < 9 THEN 'INVITER' ELSE 'GRAND_INVITER' END,\n"
            f"  {owner},\n"
            f"  CASE WHEN MOD(n, 10) < 7 THEN {owner} ELSE MOD(n * 31, {u}) + 1 END,\n"
            "  CASE WHEN MOD(n, 11) < 6 THEN 'PENDING' WHEN MOD(n, 11) < 10 THEN 'AVAILABLE' ELSE 'INVALID' END,\n"
            "  MOD(n * 37, 5000) + 1,\n"
            "  CONCAT('夏季新款纯棉短袖T恤男士宽松百搭潮牌', MOD(n, 997), '号'),\n"
            f"  TIMESTAMPADD(SECOND, {created}, TIMESTAMP '2026-09-01 00:00:00'),\n"
            f"  CASE WHEN MOD(n, 11) BETWEEN 6 AND 9 THEN TIMESTAMPADD(SECOND, {created} + 1728000,"
            " TIMESTAMP '2026-09-01 00:00:00') ELSE NULL END\n"
            f" FROM {source(a.dialect, size, off)};\n")
    for name, cols in indexes:
        out.write(f"CREATE INDEX {name} ON rebate_record ({cols});\n")
    if a.dialect == "mariadb":
        out.write("ANALYZE TABLE app_user, user_balance, rebate_record;\n")
    else:
        out.write("ANALYZE;\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
