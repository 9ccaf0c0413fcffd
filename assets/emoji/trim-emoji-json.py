#!/usr/bin/env python3
"""Writes emoji.json here from emoji-datasource-google's emoji.json, keeping only what Parley reads.

Usage: trim-emoji-json.py path/to/package/emoji.json
"""
import json
import sys

KEEP = ("unified", "non_qualified", "name", "short_names", "category", "sort_order", "sheet_x", "sheet_y")


def trimmed(entry):
    out = {key: entry[key] for key in KEEP if entry.get(key) is not None}
    if entry.get("obsoleted_by"):
        out["obsoleted_by"] = entry["obsoleted_by"]
    if entry.get("skin_variations"):
        out["skin_variations"] = {
            tone: {key: variant[key] for key in ("unified", "sheet_x", "sheet_y")}
            for tone, variant in entry["skin_variations"].items()
            if variant.get("has_img_google", True)
        }
    return out


with open(sys.argv[1], encoding="utf-8") as source:
    entries = [trimmed(e) for e in json.load(source) if e.get("has_img_google", True)]
entries.sort(key=lambda e: e["sort_order"])
with open("emoji.json", "w", encoding="utf-8") as target:
    target.write("[\n")
    target.write(",\n".join(json.dumps(e, ensure_ascii=False, separators=(",", ":")) for e in entries))
    target.write("\n]\n")
