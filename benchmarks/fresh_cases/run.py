"""Run edlint on every fresh case and compare with its expect.yaml. Not a test (see README.md).

usage: python benchmarks/fresh_cases/run.py [EDLINT] [CASEDIR...]
Each case is a folder holding the article file(s), an optional .edlint.yaml, and expect.yaml:
  flag: [{rule: R, line: N, file: name (optional)}]     # must be reported (line +-1)
  not_flag: [{rule: R, line: N (optional), file: ...}]  # must not be reported (anywhere if no line)
"""
import json, subprocess, sys, pathlib, yaml

edlint = sys.argv[1] if len(sys.argv) > 1 else "edlint"
root = pathlib.Path(__file__).parent
dirs = [pathlib.Path(d) for d in sys.argv[2:]] or sorted(p.parent for p in root.glob("*/*/expect.yaml"))
tot = bad = 0
for d in dirs:
    exp = yaml.safe_load((d / "expect.yaml").read_text()) or {}
    r = subprocess.run([edlint, "check", "--no-cache", "--preview", "--today", "2026-12-07",
                        "--format", "json", "-j", "1", "."], cwd=d, capture_output=True, text=True)
    try:
        found = json.loads(r.stdout)["findings"]
    except Exception:
        print(f"ERROR {d}: rc={r.returncode} {r.stderr[-300:]}"); bad += 1; continue
    def match(spec, f, slack):
        if f["rule"] != spec["rule"]: return False
        if "file" in spec and pathlib.Path(f["path"]).name != spec["file"]: return False
        if "line" in spec and abs(f["line"] - spec["line"]) > slack: return False
        return True
    probs = []
    for s in exp.get("flag") or []:
        tot += 1
        if not any(match(s, f, 1) for f in found):
            probs.append(f"MISSED {s}")
    for s in exp.get("not_flag") or []:
        tot += 1
        hits = [f for f in found if match(s, f, 0)]
        if hits:
            probs.append(f"FALSE {s}: " + "; ".join(f"{pathlib.Path(h['path']).name}:{h['line']}:{h['column']} {h['message'][:90]}" for h in hits[:3]))
    if probs:
        bad += len(probs)
        print(f"== {d.relative_to(root) if d.is_relative_to(root) else d}")
        for p in probs: print("  ", p)
print(f"\n{len(dirs)} cases, {tot} expectations, {bad} failing")
