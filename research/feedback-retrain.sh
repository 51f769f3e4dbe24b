#!/usr/bin/env bash
# Simulated analysts' corrections on GossipCop: the bundled model's first N misjudged articles of
# the `split=test` part (file order) are corrected with their GossipCop labels, one `vera feedback`
# each; the model is retrained on `split` with --feedback; then both models are evaluated on the
# corrected articles alone and on the rest of the test part.
# Usage: research/feedback-retrain.sh [N=50] [WEIGHT=3]   (needs ../shared/data or VERA_DATA)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data="${VERA_DATA:-$here/../shared/data}/gossipcop/articles.jsonl"
n="${1:-50}"
weight="${2:-3}"
work="$(mktemp -d "${TMPDIR:-/tmp}/vera-feedback-bench.XXXXXX")"
vera() { nice "$here/vera" "$@"; }
[ -f "$data" ] || { echo "no GossipCop data at $data (set VERA_DATA)" >&2; exit 3; }

python3 - "$data" "$work" <<'PY'
import json, sys
data, work = sys.argv[1], sys.argv[2]
with open(data) as f, open(work + "/test.jsonl", "w") as out:
    for line in f:
        if json.loads(line).get("split") == "test":
            out.write(line)
PY
vera check "$work/test.jsonl" --format jsonl > "$work/scores.jsonl"
python3 - "$work" "$n" <<'PY'
import json, sys
work, n = sys.argv[1], int(sys.argv[2])
truth = {}
for line in open(work + "/test.jsonl"):
    d = json.loads(line); truth[d["id"]] = d["label"]
wrong = []
for line in open(work + "/scores.jsonl"):
    v = json.loads(line)
    if v["label"] != truth[v["id"]]:
        wrong.append(v["id"])
print(f"bundled model: {len(wrong)} of {len(truth)} test articles misjudged; correcting the first {n}", file=sys.stderr)
chosen = set(wrong[:n])
with open(work + "/ids.txt", "w") as ids:
    for i in wrong[:n]:
        ids.write(f"{i} {truth[i]}\n")
with open(work + "/test-rest.jsonl", "w") as rest:
    for line in open(work + "/test.jsonl"):
        if json.loads(line)["id"] not in chosen:
            rest.write(line)
PY
db="$work/feedback.db"
while read -r id label; do
  vera feedback "$id" --article "$work/test.jsonl" --label "$label" --note "GossipCop label" \
    --analyst simulated --db "$db" > /dev/null
done < "$work/ids.txt"
vera feedback list --db "$db" | head -1
start=$(date +%s)
vera train --data "$data" --split-field split --feedback "$db" --feedback-weight "$weight" \
  --source-ratings "$here/../shared/data/source_ratings/golden_truth_dataset.csv" \
  --out "$work/retrained.vera" -q
echo "retraining took $(( $(date +%s) - start )) s"
echo "== bundled model, corrected articles"; vera eval --feedback "$db" --corrected-only | head -2
echo "== retrained model, corrected articles"; vera eval --model "$work/retrained.vera" --feedback "$db" --corrected-only | head -3
echo "== bundled model, rest of the test part"; vera eval --data "$work/test-rest.jsonl" -q | head -12
echo "== retrained model, rest of the test part"; vera eval --model "$work/retrained.vera" --data "$work/test-rest.jsonl" -q | head -12
echo "(work files in $work)"
