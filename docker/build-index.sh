#!/usr/bin/env bash
# Prepares the image's data: the stories bundled in the jar as files in OUT/stories, and their index in OUT/index,
# built with the jar itself (`storybot index`), so the container answers at once and needs no write at first start;
# and an empty OUT/feedback for the 👍/👎 log, so that the image's /data/feedback belongs to the runtime user.
# Usage: docker/build-index.sh JAR OUT
set -euo pipefail
jar=${1:?usage: docker/build-index.sh JAR OUT}
out=${2:?usage: docker/build-index.sh JAR OUT}
bundled="$(cd "$(dirname "$0")/.." && pwd)/src/main/resources/stories"

rm -rf "$out"
mkdir -p "$out/stories" "$out/feedback"
# index.txt lists the bundled story files (blank lines and # comments aside); each may have a NAME.meta.yml sidecar.
while IFS= read -r name || [ -n "$name" ]; do
  name="${name%%#*}"
  name="${name#"${name%%[![:space:]]*}"}"   # trim leading
  name="${name%"${name##*[![:space:]]}"}"   # and trailing blanks
  [ -z "$name" ] && continue
  mkdir -p "$out/stories/$(dirname "$name")"
  cp "$bundled/$name" "$out/stories/$name"
  sidecar="${name%.*}.meta.yml"
  if [ -f "$bundled/$sidecar" ]; then cp "$bundled/$sidecar" "$out/stories/$sidecar"; fi
done < "$bundled/index.txt"

java -jar "$jar" index --stories "$out/stories" --index "$out/index"
