#!/usr/bin/env bash
# Scores a question set of reports that are not the bot's knowledge, in a scratch copy of this checkout
# with those reports added to seeds/ (as the README says the realdocs sets are scored):
#   bash scripts/score-split.sh holdout33          test/fixtures/reports/holdout33 + test/eval/realdocs-holdout33.jsonl
#   bash scripts/score-split.sh shared-dev         ../shared/docs-dev + ../shared/eval/realdocs-dev.jsonl
#   bash scripts/score-split.sh shared-dev-2       ../shared/docs-dev-2 + ../shared/eval/realdocs-dev-2.jsonl
# SHOW=1 prints every answer (score.mjs --show). The scratch copy stays in $TMPDIR/score-split-SPLIT for a look.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SHARED=$(cd "$ROOT/../shared" && pwd)
SPLIT=${1:?usage: score-split.sh SPLIT}
S=${TMPDIR:-/tmp}/score-split-$SPLIT
rm -rf "$S" && mkdir -p "$S"
(cd "$ROOT" && tar cf - --exclude=node_modules --exclude=.git --exclude=dist .) | (cd "$S" && tar xf -)
ln -s "$ROOT/node_modules" "$S/node_modules"
case "$SPLIT" in
  shared-dev) cp "$SHARED"/docs-dev/* "$S/seeds/"; SET="$SHARED/eval/realdocs-dev.jsonl" ;;
  shared-dev-2) cp "$SHARED"/docs-dev-2/* "$S/seeds/"; SET="$SHARED/eval/realdocs-dev-2.jsonl" ;;
  *)
    cp "$ROOT/test/fixtures/reports/$SPLIT/"* "$S/seeds/"
    # (The fixtures' own files — gold records, expectations, task lists — are no reports.)
    rm -f "$S/seeds/README.md" "$S/seeds/"*.json "$S/seeds/"*.jsonl
    SET="$ROOT/test/eval/realdocs-$SPLIT.jsonl" ;;
esac
cd "$S"
npm run --silent knowledge > knowledge.txt 2>&1 || { echo "$SPLIT: the knowledge build failed (see $S/knowledge.txt)"; exit 1; }
node "$SHARED/eval/score.mjs" "$SET" ${SHOW:+--show} > score.txt 2>&1 || true
[ -n "${SHOW:-}" ] && cat score.txt || echo "$SPLIT: $(tail -1 score.txt)"
