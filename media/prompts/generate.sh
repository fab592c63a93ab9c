#!/usr/bin/env bash
# Regenerates the system prompts from prompts.txt with espeak-ng and sox (Debian: apt-get install espeak-ng sox).
# The build does not run this: the WAV files it writes are committed. See README.md.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/../src/main/resources/org/switchboard/media/prompts/en"
voice="${VOICE:-en-us}"
speed="${SPEED:-150}"
command -v espeak-ng >/dev/null || { echo "espeak-ng is not installed" >&2; exit 2; }
command -v sox >/dev/null || { echo "sox is not installed" >&2; exit 2; }
mkdir -p "$out"
rm -f "$out"/*.wav
# the index lets the server list the prompts (and their words) without scanning its own jar
grep -v '^#' "$here/prompts.txt" | grep -v '^$' > "$out/index.txt"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
while IFS='|' read -r name text; do
    [[ -z "$name" || "$name" == \#* ]] && continue
    espeak-ng -v "$voice" -s "$speed" -w "$tmp/raw.wav" "$text"
    # 8 kHz mono G.711 µ-law (half the size of 16-bit PCM, what most calls carry anyway); -D: no dither, so the same input gives the same bytes; peaks at -6 dBFS leave G.711 headroom
    sox -D "$tmp/raw.wav" -r 8000 -c 1 -b 8 -e u-law "$out/$name.wav" silence 1 0.02 0.5% reverse silence 1 0.02 0.5% reverse norm -6
    echo "$name.wav: $text"
done < "$here/prompts.txt"
