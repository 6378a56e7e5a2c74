#!/usr/bin/env bash
# Refreshes docs/images from the last real-display acceptance run (window crops under
# app/acceptance/target/acceptance/shots/window). Run the suite first:
#   CONCORD_ACCEPTANCE=required mvn -B -pl app/acceptance -am verify
set -euo pipefail
cd "$(dirname "$0")"
src=target/acceptance/shots/window
docs=../../docs/images
[ -d "$src" ] || { echo "no $src: run the acceptance suite first" >&2; exit 1; }
# checkpoint name -> docs image
while read -r shot image; do
  if [ -f "$src/$shot.png" ]; then
    cp "$src/$shot.png" "$docs/$image"
    echo "docs/images/$image <- $shot"
  else
    echo "missing checkpoint $shot (docs/images/$image kept)" >&2
  fi
done <<'MAP'
order-from-ticket workstation-live.png
1400x900-modules workstation-modules.png
modules-switches live-models-toggles.png
1400x900-training workstation-training.png
1400x900-portfolio workstation-portfolio.png
annotated workstation-annotate.png
restart-annotate annotation-workspace.png
1400x900-backtest backtest.png
order-line-dragged trading.png
MAP
