#!/usr/bin/env bash
# Loads a Samspil report.html in headless Chromium and fails if the page logs
# anything to the console (script errors included), asks for anything over the
# network, refers to an external file, or does not render. Writes a PNG
# screenshot next to the report (or to $SCREENSHOT) for a person to look at.
#
#   Tests/browser/check-report.sh REPORT.html [WIDTH [HEIGHT]]
#   DECISION_WITHIN=900 Tests/browser/check-report.sh REPORT.html 1400
#
# It measures the layout in the page: a table wider than its box (clipped,
# needing sideways scrolling) at WIDTH fails; with DECISION_WITHIN=PX it also
# fails unless the decision box ends within the first PX pixels at WIDTH.
#
# Exit status: 0 fine, 1 a check failed, 2 usage, 77 Chromium not installed
# (install it with `apt-get install -y chromium`).
set -euo pipefail

report=${1:?usage: check-report.sh REPORT.html [WIDTH [HEIGHT]]}
width=${2:-1280}
height=${3:-5000}
[[ -f "$report" ]] || { echo "check-report: no such file: $report" >&2; exit 2; }

browser=""
for candidate in chromium chromium-browser google-chrome; do
    if command -v "$candidate" >/dev/null 2>&1; then browser=$candidate; break; fi
done
if [[ -z "$browser" ]]; then
    echo "check-report: Chromium not found (apt-get install -y chromium); skipped" >&2
    exit 77
fi

abs=$(cd "$(dirname "$report")" && pwd)/$(basename "$report")
screenshot=${SCREENSHOT:-${abs%.html}.png}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "check-report: FAIL: $*" >&2; failures=$((failures + 1)); }

# 1. Static: the file must not point anywhere else. (The SVG namespace is an
#    identifier, not a fetch.)
stripped=$(sed 's#xmlns="http://www.w3.org/2000/svg"##g' "$abs")
grep -qiE 'https?://' <<<"$stripped" && fail "mentions an http(s) URL: $(grep -oiE 'https?://[^" <]*' <<<"$stripped" | head -3 | tr '\n' ' ')"
grep -qiE '<(img|script|iframe|embed|object|audio|video|source)[^>]*[[:space:]]src=' <<<"$stripped" && fail "loads an external file (src=)"
grep -qiE '<link[[:space:]]' <<<"$stripped" && fail "has a <link> element"
grep -qiE '@import|url\(' <<<"$stripped" && fail "CSS loads a resource (@import or url())"
grep -qiE 'href="[^#]' <<<"$stripped" && fail "has a link that is not a same-page anchor"

# Common flags: no first-run noise, no background services, and every host
# name resolves to nothing, so a page fetch fails loudly instead of going out.
flags=(--headless --disable-gpu --no-sandbox --hide-scrollbars --no-first-run --disable-extensions
       --disable-background-networking --disable-component-update --disable-sync --disable-default-apps
       --host-resolver-rules="MAP * ~NOTFOUND" --enable-logging=stderr --v=0
       --virtual-time-budget=5000 --user-data-dir="$work/profile")

# 2. Load it: DOM, console, network.
if ! timeout 120 "$browser" "${flags[@]}" --log-net-log="$work/net.json" --dump-dom "file://$abs" \
        >"$work/dom.html" 2>"$work/console.log"; then
    fail "Chromium failed to load the page (see below)"
    tail -20 "$work/console.log" >&2
fi
grep -q '</html>' "$work/dom.html" || fail "no rendered DOM"
if grep -q 'CONSOLE' "$work/console.log"; then
    fail "console messages:"
    grep 'CONSOLE' "$work/console.log" >&2
fi
# The page's own requests: anything but Chromium's built-in service hosts.
if [[ -f "$work/net.json" ]]; then
    page_urls=$(grep -oE '"url":"(https?|wss?|ftp)://[^"]*"' "$work/net.json" \
        | grep -vE '://([a-z0-9-]+\.)*(google\.com|googleapis\.com|gvt1\.com|gstatic\.com)/' | sort -u || true)
    [[ -z "$page_urls" ]] || fail "network requests: $page_urls"
fi
svgs_source=$(grep -o '<svg' "$abs" | wc -l)
svgs_dom=$(grep -o '<svg' "$work/dom.html" | wc -l)
[[ "$svgs_source" == "$svgs_dom" ]] || fail "$svgs_source <svg> in the file but $svgs_dom in the rendered DOM"

# 2b. Layout, measured in the page at this width (a copy with a probe script
#     that writes its findings into the DOM): no table wider than its box (a
#     clipped table needs sideways scrolling), and with DECISION_WITHIN=PX the
#     decision box must end within the first PX pixels (a planner sees it
#     without scrolling).
probe='var d = document.querySelector(".decision"); document.body.setAttribute("data-decision-bottom", d ? Math.ceil(d.getBoundingClientRect().bottom + scrollY) : -1);'
probe+=' var c = []; document.querySelectorAll(".scroll").forEach(function (s) { if (s.scrollWidth > s.clientWidth + 1) c.push(s.scrollWidth + " px in " + s.clientWidth); });'
probe+=' document.body.setAttribute("data-clipped", c.join(", ") || "none");'
sed "s#</body>#<script>${probe}</script></body>#" "$abs" >"$work/probe.html"
timeout 120 "$browser" "${flags[@]}" --window-size="$width,${DECISION_WITHIN:-$height}" --dump-dom "file://$work/probe.html" \
    >"$work/probe-dom.html" 2>/dev/null || true
clipped=$(grep -oE 'data-clipped="[^"]*"' "$work/probe-dom.html" | sed 's/data-clipped="//; s/"$//' || echo "")
if [[ -z "$clipped" ]]; then
    fail "the layout probe did not run"
elif [[ "$clipped" != "none" ]]; then
    fail "tables wider than their box at width $width (clipped): $clipped"
fi
if [[ -n "${DECISION_WITHIN:-}" ]]; then
    bottom=$(grep -oE 'data-decision-bottom="-?[0-9]+"' "$work/probe-dom.html" | grep -oE -- '-?[0-9]+' || echo "")
    if [[ -z "$bottom" || "$bottom" == "-1" ]]; then
        fail "no decision box found"
    elif (( bottom > DECISION_WITHIN )); then
        fail "the decision box ends at $bottom px, below the first $DECISION_WITHIN px at width $width"
    else
        echo "check-report: decision box ends at $bottom px (within $DECISION_WITHIN at width $width)"
    fi
fi

# 3. Screenshot for a person to look at.
if ! timeout 120 "$browser" "${flags[@]}" --window-size="$width,$height" --screenshot="$screenshot" "file://$abs" \
        >/dev/null 2>"$work/shot.log"; then
    fail "screenshot failed"
    tail -5 "$work/shot.log" >&2
fi
[[ -s "$screenshot" ]] || fail "no screenshot written"

if (( failures > 0 )); then
    echo "check-report: $failures check(s) failed for $report" >&2
    exit 1
fi
echo "check-report: OK: $report ($svgs_dom charts, no console messages, no network, no clipped table); screenshot: $screenshot"
