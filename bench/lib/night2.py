#!/usr/bin/env python3
"""The second night of bench/nightly.sh: new snapshots of ~PCT % of the lines in the first night's API dumps.

Usage: night2.py IN_DIR OUT_DIR DATE PCT
Reads IN_DIR/{taobao,jd,pdd}-*.jsonl (not the refund dumps), keeps each line's latest snapshot (by its modified
time), picks PCT % of them (in the order of a hash of the id) among those not final (PAID or RECEIVED), writes one
snapshot of it to OUT_DIR/<platform>-<DATE>.jsonl, modified at DATE 00:00..23:59 Asia/Shanghai: PAID -> RECEIVED,
RECEIVED -> INVALID. Pages keep each platform's envelope (copied from the first page of its input).
Numbers are never turned into floats: every JSON number is carried as its original text.
"""
import glob
import hashlib
import json
import os
import re
import sys
from datetime import datetime, timedelta, timezone

IN_DIR, OUT_DIR, DATE, PCT = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
SH = timezone(timedelta(hours=8))
DAY0 = datetime.strptime(DATE, "%Y-%m-%d").replace(tzinfo=SH)
MARK = "\x00N"
RAW = re.compile(r'"\\u0000N([-+0-9.eE]+)"')


def loads(text):  # numbers stay text: "\x00N<digits>"
    return json.loads(text, parse_float=lambda s: MARK + s, parse_int=lambda s: MARK + s)


def dumps(obj):
    return RAW.sub(r"\1", json.dumps(obj, ensure_ascii=False, separators=(",", ":")))


def num(v):
    return v[len(MARK):] if isinstance(v, str) and v.startswith(MARK) else v


def when(key):  # a time of the day, spread by the line id
    return DAY0 + timedelta(seconds=int(hashlib.md5(b"t" + key.encode()).hexdigest()[:8], 16) % 86000 + 60)


def fmt(t):
    return t.strftime("%Y-%m-%d %H:%M:%S")


# per platform: unwrap(page) -> (rows, rewrap(rows) -> page), id, modified, change(row, t) -> bool
def taobao_unwrap(page):
    data = page["tbk_order_details_get_response"]["data"]
    rows = data.get("results", {}).get("publisher_order_dto", [])

    def rewrap(new):
        data["results"] = {"publisher_order_dto": new}
        data["has_next"], data["has_pre"], data["position_index"] = False, False, ""
        return page
    return rows, rewrap


def taobao_change(r, t):
    s = num(r["tk_status"])
    if s == "12":
        r["tk_status"] = MARK + "14"
    elif s == "14":
        r["tk_status"] = MARK + "13"
    else:
        return False
    r["modified_time"] = fmt(t)
    return True


def jd_unwrap(page):
    env = page["jd_union_open_order_row_query_responce"]
    q = loads(env["queryResult"])

    def rewrap(new):
        q["data"], q["hasMore"] = new, False
        env["queryResult"] = dumps(q)
        return page
    return q.get("data") or [], rewrap


def jd_change(r, t):
    s = num(r["validCode"])
    if s in ("16", "24"):
        r["validCode"], r["finishTime"] = MARK + "17", fmt(t)
    elif s == "17" and num(r["payMonth"]) == "0":
        r["validCode"] = MARK + "3"
    else:
        return False
    r["modifyTime"] = fmt(t)
    return True


def pdd_unwrap(page):
    env = page["order_list_get_response"]

    def rewrap(new):
        env["order_list"], env["total_count"] = new, MARK + str(len(new))
        return page
    return env.get("order_list") or [], rewrap


def pdd_change(r, t):
    s = num(r["order_status"])
    epoch = MARK + str(int(t.timestamp()))
    if s in ("0", "1"):
        r["order_status"], r["order_status_desc"], r["order_receive_time"] = MARK + "2", "已收货", epoch
    elif s in ("2", "3"):
        r["order_status"], r["order_status_desc"] = MARK + "4", "审核失败"
    else:
        return False
    r["order_modify_at"] = epoch
    return True


PLATFORMS = {
    "taobao": (taobao_unwrap, lambda r: r["trade_id"], lambda r: r["modified_time"], taobao_change),
    "jd": (jd_unwrap, lambda r: r["id"], lambda r: r["modifyTime"], jd_change),
    "pdd": (pdd_unwrap, lambda r: r["order_sn"], lambda r: int(num(r["order_modify_at"])), pdd_change),
}

os.makedirs(OUT_DIR, exist_ok=True)
for name, (unwrap, key, modified, change) in PLATFORMS.items():
    latest, first_page, page_size = {}, None, 1
    for f in sorted(glob.glob(os.path.join(IN_DIR, name + "-2*.jsonl"))):
        with open(f, encoding="utf-8") as fh:
            for line in fh:
                if not line.strip():
                    continue
                rows, _ = unwrap(loads(line))
                if first_page is None:
                    first_page = line
                page_size = max(page_size, len(rows))
                for r in rows:
                    k = str(num(key(r)))
                    if k not in latest or modified(r) >= modified(latest[k]):
                        latest[k] = r
    changed, target = [], (len(latest) * PCT + 50) // 100
    for k in sorted(latest, key=lambda k: hashlib.md5((name + k).encode()).hexdigest()):
        if len(changed) >= target:
            break
        if change(latest[k], when(name + k)):
            changed.append(latest[k])
    changed.sort(key=modified)
    out = os.path.join(OUT_DIR, "%s-%s.jsonl" % (name, DATE))
    with open(out, "w", encoding="utf-8", newline="\n") as fh:
        for i in range(0, max(1, len(changed)), page_size):
            _, rewrap = unwrap(loads(first_page))
            fh.write(dumps(rewrap(changed[i:i + page_size])) + "\n")
    print("night2 %s: %d of %d lines changed -> %s" % (name, len(changed), len(latest), out))
