#!/usr/bin/env bash
# The demo (`npm run demo`, after `bash scripts/install-deps.sh`): the books of Atelier Dupont SARL (examples/, made
# by examples/generate.mjs) as of 2026-11-30. Checks and ages the receivables, records in a
# fresh journal what the bookkeeper did this autumn (calls, a promise, a dispute, two letters
# in October), plans the next dunning steps and prints the letters due to PDF in out/letters/.
# Repeatable: the journal (out/demo-journal.jsonl) and the letters are removed first.
set -euo pipefail
cd "$(dirname "$0")"

AS_OF=2026-11-30
OUT=../out
JOURNAL="$OUT/demo-journal.jsonl"
LETTERS="$OUT/letters"
dunning() { node ../bin/dunning.js "$@"; }
# Shows a command, then runs it.
show() {
  printf '$ dunning'
  for a in "$@"; do if [[ $a == *' '* ]]; then printf ' "%s"' "$a"; else printf ' %s' "$a"; fi; done
  printf '\n'
  dunning "$@"
}
if [ -t 1 ] && [ -z "${NO_COLOR:-}" ]; then
  title() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
else
  title() { printf '\n== %s\n' "$*"; }
fi

mkdir -p "$OUT"
rm -f "$JOURNAL"
rm -rf "$LETTERS" "$OUT/letters-earlier"

title "dunning check   (validate the FEC and the customers file)"
dunning check

title "dunning aging --as-of $AS_OF"
dunning aging --as-of "$AS_OF"

title "What happened this autumn, logged in $JOURNAL"
show log call C008 --date 2026-08-14 --outcome no_answer --journal "$JOURNAL"
show log call C008 --date 2026-09-24 --outcome reached --note "Promet de regarder avec son comptable" --journal "$JOURNAL"
show log call C009 --date 2026-11-02 --outcome reached --note "Invoice not received, sent again by e-mail" --journal "$JOURNAL"
show log call C012 --date 2026-10-12 --outcome no_answer --journal "$JOURNAL"
show log call C002 --date 2026-10-20 --outcome promise --journal "$JOURNAL"
show log promise C002 --date 2026-10-20 --until 2026-12-10 --note "Virement annoncé début décembre" --journal "$JOURNAL"
show log dispute F2026-0075 --date 2026-09-10 --note "Caisson lumineux jugé non conforme" --journal "$JOURNAL"

# Garage Besançon (C008) has been chased since the summer: a reminder went out on 2 October
# and a registered reminder on 12 October, so today its next step is the formal notice.
show letters --as-of 2026-10-02 --customer C008 --out "$OUT/letters-earlier/2026-10-02" --journal "$JOURNAL"
show letters --as-of 2026-10-12 --customer C008 --out "$OUT/letters-earlier/2026-10-12" --journal "$JOURNAL"

title "dunning scan --as-of $AS_OF   (what is due today)"
dunning scan --as-of "$AS_OF" --journal "$JOURNAL"

title "dunning letters --as-of $AS_OF --out $LETTERS"
dunning letters --as-of "$AS_OF" --out "$LETTERS" --journal "$JOURNAL"

echo
echo "Letters written to $(cd "$LETTERS" && pwd)/ (the October ones to $(cd "$OUT/letters-earlier" && pwd)/)"
echo "Journal written to $(cd "$OUT" && pwd)/$(basename "$JOURNAL")"
