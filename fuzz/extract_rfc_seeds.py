#!/usr/bin/env python3
"""Writes the fuzzers' seed corpora (fuzz/corpus/<fuzzer>/) from the examples in the RFC and
draft texts (../shared/specs by default): the JSON bodies, request examples, filters and PATCH
paths that RFC 7643 and RFC 7644 print, and the SET claims of the events draft. Run it again after
a spec text changes; the output is checked in, so CI does not need Python.

    python3 fuzz/extract_rfc_seeds.py [SPECS_DIR]
"""
import base64
import hashlib
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SPECS = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "..", "shared", "specs")
OUT = os.path.join(HERE, "corpus")

PAGE_NOISE = re.compile(r"^(RFC \d+|Hunt, et al\.|Internet-Draft|.*\[Page \d+\]$)")


def clean_lines(name):
    with open(os.path.join(SPECS, name), encoding="utf-8", errors="replace") as f:
        text = f.read().replace("\f", "\n")
    return [l for l in text.split("\n") if not PAGE_NOISE.match(l.strip())]


def json_blocks(lines):
    """Every balanced {...} block that starts on a line of its own and parses as JSON."""
    out = []
    i = 0
    while i < len(lines):
        if lines[i].strip() != "{":
            i += 1
            continue
        depth, j, buf = 0, i, []
        while j < len(lines):
            buf.append(lines[j])
            depth += lines[j].count("{") - lines[j].count("}")
            if depth <= 0:
                break
            j += 1
        try:
            out.append(json.loads("\n".join(buf)))
            i = j + 1
        except ValueError:
            i += 1
    return out


def http_examples(lines):
    """RFC 7644's request examples: request line, header lines, blank line, optional JSON body."""
    start = re.compile(r"^\s*(GET|POST|PUT|PATCH|DELETE) (/\S*)(?:\s+HTTP/1\.1)?\s*$")
    out = []
    for i, line in enumerate(lines):
        m = start.match(line)
        if not m:
            continue
        headers, j = [], i + 1
        while j < len(lines) and lines[j].strip():
            if ":" in lines[j]:
                headers.append(lines[j].strip())
            j += 1
        body = ""
        if j + 1 < len(lines) and lines[j + 1].strip() == "{":
            block = json_blocks(lines[j + 1:j + 400])
            body = json.dumps(block[0]) if block else ""
        # Relative to our base path, with our credentials, so the examples get past routing and
        # authentication into the endpoints.
        target = "/scim/v2" + re.sub(r"^/v2", "", m.group(2))
        headers = [h for h in headers
                   if not h.lower().startswith(("authorization", "host", "content-length"))]
        headers = ["Host: 127.0.0.1", "Authorization: Bearer secret"] + headers
        out.append((m.group(1), target, headers, body))
    return out


def write(fuzzer, data):
    folder = os.path.join(OUT, fuzzer)
    os.makedirs(folder, exist_ok=True)
    raw = data.encode() if isinstance(data, str) else data
    name = hashlib.sha1(raw).hexdigest()[:16]
    with open(os.path.join(folder, name), "wb") as f:
        f.write(raw)


def b64url(obj):
    return base64.urlsafe_b64encode(json.dumps(obj).encode()).rstrip(b"=").decode()


def main():
    rfc7643, rfc7644 = clean_lines("rfc7643.txt"), clean_lines("rfc7644.txt")
    events = clean_lines("draft-ietf-scim-events-16.txt")
    blocks = json_blocks(rfc7643) + json_blocks(rfc7644)
    for doc in blocks:
        schemas = " ".join(doc.get("schemas", [])) if isinstance(doc.get("schemas"), list) else ""
        text = json.dumps(doc)
        if "PatchOp" in schemas:
            write("patch", text)
        elif "BulkRequest" in schemas:
            write("bulk", text)
        elif any(k in schemas for k in ("ServiceProviderConfig", "ResourceType", "Schema")):
            write("runner", "D" + text)
        elif "core:2.0" in schemas or "enterprise" in schemas:
            write("validate", text)
    joined = "\n".join(rfc7644)
    for m in re.finditer(r"^filter=(.+(?:\n(?!filter=)\S.*)*)", joined, re.M):
        write("filter", " ".join(m.group(1).split()))
    for m in re.finditer(r'"path":\s*"((?:[^"\\]|\\.)*)"', joined):
        write("patch", m.group(1).replace('\\"', '"'))
    for method, target, headers, body in http_examples(rfc7644):
        length = [f"Content-Length: {len(body.encode())}"] if body else []
        head = "\r\n".join([f"{method} {target} HTTP/1.1"] + headers + length)
        write("http", head + "\r\n\r\n" + body)
        envelope = {"method": method, "target": target, "body": body,
                    "headers": {k.strip().lower(): v.strip()
                                for k, v in (h.split(":", 1) for h in headers)}}
        write("endpoint", json.dumps(envelope))
    for claims in json_blocks(events):
        token = b64url({"alg": "none", "typ": "secevent+jwt"}) + "." + b64url(claims) + "."
        write("runner", "S" + token)


if __name__ == "__main__":
    main()
