#!/usr/bin/env python3
"""Regenerates samples/ and db/seed.csv from labelgen (deterministic: fixed seeds, JPEG quality 85).

Generates two pools with labelgen (easy and normal difficulty), picks one photo per case below, copies it to
samples/<case>.jpg with samples/<case>.expected.json ("file" rewritten), and writes db/seed.csv with the
chosen products. Only EAN-13 / UPC-A (GS1 restricted-circulation prefixes) are used for samples.

usage: tools/labelgen/make_samples.py LABELGEN [--repo DIR] [--pool DIR]
"""
import argparse
import csv
import io
import json
import os
import shutil
import subprocess
import sys

MINERALS = ["sodium", "potassium", "calcium", "magnesium"]


def declared(j):
    return {m for m in MINERALS if j["minerals"][m] and j["minerals"][m]["mg"] > 0}


def g(j):
    return j["generator"]


CASES = [
    # name, pool, predicate
    ("complete-electrolyte-drink-mix", "easy", lambda j: g(j)["panel_style"] == "supplement" and j["verdict"] == "complete"
     and g(j)["claim_text"] and not g(j)["light_on_dark"] and g(j)["quarter_turns"] == 0 and g(j)["curvature_deg"] == 0),
    ("incomplete-sodium-potassium-only", "easy", lambda j: g(j)["panel_style"] == "supplement" and j["electrolyte_claim"]
     and declared(j) == {"sodium", "potassium"} and g(j)["quarter_turns"] == 0),
    ("incomplete-no-calcium", "normal", lambda j: g(j)["panel_style"] == "supplement" and j["electrolyte_claim"]
     and declared(j) == {"sodium", "potassium", "magnesium"}),
    ("not-electrolyte-supplement", "easy", lambda j: g(j)["panel_style"] == "supplement" and j["verdict"] == "not_electrolyte"
     and g(j)["quarter_turns"] == 0),
    ("electrolyte-blend-mentioned-not-declared", "easy", lambda j: g(j)["electrolyte_blend"] and j.get("mentioned_not_declared")
     and g(j)["quarter_turns"] == 0),
    ("electrolyte-blend-claim-only-in-panel", "normal", lambda j: g(j)["electrolyte_blend"] and not g(j)["claim_text"]),
    ("nutrition-facts-sports-drink", "easy", lambda j: g(j)["panel_style"] == "nutrition_2016" and j["electrolyte_claim"]
     and g(j)["quarter_turns"] == 0),
    ("nutrition-facts-pre2016-dv-only", "easy", lambda j: g(j)["panel_style"] == "nutrition_pre2016"
     and any(j["minerals"][m] and j["minerals"][m].get("estimated") and j["minerals"][m]["mg"] > 0 for m in MINERALS)),
    ("nutrition-facts-not-electrolyte", "normal", lambda j: j["panel"] == "nutrition_facts" and j["verdict"] == "not_electrolyte"),
    ("light-on-dark-electrolytes", "easy", lambda j: g(j)["light_on_dark"] and j["electrolyte_claim"]),
    ("phone-12mp-4000x3000", "easy", lambda j: g(j)["width"] * g(j)["height"] == 12_000_000 and j["electrolyte_claim"]),
    ("curved-bottle", "normal", lambda j: g(j)["curvature_deg"] > 0 and j["electrolyte_claim"]),
    ("sideways-photo", "normal", lambda j: g(j)["quarter_turns"] in (1, 3)),
    ("upside-down-photo", "normal", lambda j: g(j)["quarter_turns"] == 2),
    ("amounts-in-grams", "easy", lambda j: any(j["minerals"][m] and j["minerals"][m]["unit"] == "g" for m in MINERALS)),
    ("declared-zero-mineral", "normal", lambda j: any(j["minerals"][m] and j["minerals"][m]["mg"] == 0 for m in MINERALS)
     and j["electrolyte_claim"]),
    ("small-text-incomplete", "normal", lambda j: g(j)["x_height_px"] < 9 and j["verdict"] == "incomplete"),
    ("glare-and-blur", "normal", lambda j: g(j)["glare"] >= 0.3 and g(j)["blur_sigma"] > 1.0 and j["electrolyte_claim"]),
]

POOLS = {
    "easy": ["--seed", "2026", "--count", "120", "--difficulty", "easy", "--max-size", "4000"],
    "normal": ["--seed", "2027", "--count", "120", "--difficulty", "normal", "--max-size", "2400"],
}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("labelgen")
    ap.add_argument("--repo", default=os.path.join(os.path.dirname(__file__), "..", ".."))
    ap.add_argument("--pool", default="/tmp/labelgen-sample-pool")
    a = ap.parse_args()
    repo = os.path.abspath(a.repo)
    rows = {}
    entries = {}
    for name, args in POOLS.items():
        out = os.path.join(a.pool, name)
        if not os.path.exists(os.path.join(out, "manifest.jsonl")):
            subprocess.run([a.labelgen, "--out", out, "--quality", "85", "--csv", os.path.join(out, "products.csv")] + args,
                           check=True)
        entries[name] = [json.loads(l) for l in open(os.path.join(out, "manifest.jsonl"))]
        with open(os.path.join(out, "products.csv"), newline="") as f:
            for r in csv.DictReader(f):
                rows[(name, r["source_id"])] = r

    samples = os.path.join(repo, "samples")
    os.makedirs(samples, exist_ok=True)
    used = set()
    chosen = []
    for case, pool, pred in CASES:
        cands = [j for j in entries[pool] if j["barcode"]["format"] in ("EAN-13", "UPC-A") and (pool, j["file"]) not in used
                 and pred(j)]
        if not cands:
            print(f"no candidate for {case}", file=sys.stderr)
            continue
        # Smallest file first keeps the committed samples small.
        cands.sort(key=lambda j: os.path.getsize(j["file"]))
        j = cands[0] if case != "phone-12mp-4000x3000" else cands[0]
        used.add((pool, j["file"]))
        src = j["file"]
        dst = os.path.join("samples", case + ".jpg")
        shutil.copyfile(src, os.path.join(repo, dst))
        exp = {k: v for k, v in j.items() if k != "generator"}
        exp["file"] = dst
        with open(os.path.join(repo, "samples", case + ".expected.json"), "w") as f:
            f.write(json.dumps(exp, indent=2, ensure_ascii=False) + "\n")
        r = dict(rows[(pool, os.path.basename(src))])
        r["source_id"] = case
        chosen.append(r)
        print(f"{dst}: {pool} {os.path.basename(src)} {exp['verdict']} {g(j)['width']}x{g(j)['height']} "
              f"xh={g(j)['x_height_px']} {os.path.getsize(src) // 1024} KB")

    header = ("gtin14,brand,name,form,serving_size,electrolyte_claim,sodium_mg,sodium_dv,potassium_mg,potassium_dv,"
              "calcium_mg,calcium_dv,magnesium_mg,magnesium_dv,source,source_id,sample").split(",")
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=header, lineterminator="\n")
    w.writeheader()
    for r in chosen:
        w.writerow(r)
    with open(os.path.join(repo, "db", "seed.csv"), "w", newline="") as f:
        f.write(buf.getvalue())


if __name__ == "__main__":
    main()
